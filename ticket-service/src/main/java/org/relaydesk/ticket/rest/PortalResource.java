package org.relaydesk.ticket.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.relaydesk.ticket.api.ArticleView;
import org.relaydesk.ticket.api.PortalRequests;
import org.relaydesk.ticket.api.PortalTicketView;
import org.relaydesk.ticket.api.TicketPage;
import org.relaydesk.ticket.service.ArticleService;
import org.relaydesk.ticket.service.PortalService;
import org.relaydesk.ticket.service.TicketQueries;

/** The customer portal: a customer's own tickets, new tickets and replies. Internal articles never show. */
@Path("/api/portal/tickets")
@Tag(name = "Customer portal")
@RolesAllowed("customer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PortalResource {

    @Inject
    CurrentActor actor;
    @Inject
    PortalService portal;
    @Inject
    TicketQueries queries;
    @Inject
    ArticleService articles;

    @GET
    @Operation(summary = "The caller's tickets (filters and paging as for agents)")
    public TicketPage<PortalTicketView> list(@BeanParam TicketListParams params) {
        var page = queries.list(portal.customer(actor.get()), params.toQuery(), params.limit());
        return new TicketPage<>(page.items().stream().map(PortalTicketView::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the caller's tickets with its customer-visible articles")
    public PortalTicketView get(@PathParam("id") long id) {
        return PortalTicketView.of(queries.get(portal.customer(actor.get()), id, true));
    }

    @POST
    @Operation(summary = "Open a new ticket")
    public RestResponse<PortalTicketView> create(@NotNull @Valid PortalRequests.Create request) {
        PortalTicketView t = PortalTicketView.of(portal.create(portal.customer(actor.get()), request));
        return RestResponse.ResponseBuilder.<PortalTicketView>created(URI.create("/api/portal/tickets/" + t.id())).entity(t).build();
    }

    @POST
    @Path("/{id}/articles")
    @Operation(summary = "Reply to one of the caller's tickets (reopens a closed ticket as its queue's follow-up policy says)")
    public RestResponse<ArticleView> reply(@PathParam("id") long id, @NotNull @Valid PortalRequests.Reply request) {
        return ArticleResource.added(portal.reply(portal.customer(actor.get()), id, request));
    }

    @GET
    @Path("/{id}/articles/{articleId}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download an attachment of a customer-visible article")
    public Response download(@PathParam("id") long id, @PathParam("articleId") long articleId,
            @PathParam("attachmentId") long attachmentId) {
        return ArticleResource.attachment(articles.download(portal.customer(actor.get()), id, articleId, attachmentId));
    }
}
