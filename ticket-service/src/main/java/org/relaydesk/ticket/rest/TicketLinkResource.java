package org.relaydesk.ticket.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.relaydesk.ticket.api.LinkView;
import org.relaydesk.ticket.api.Requests;
import org.relaydesk.ticket.api.TicketView;
import org.relaydesk.ticket.service.LinkService;

/** Links, merge and split. */
@Path("/api/tickets/{id}")
@Tag(name = "Links, merge and split")
@RolesAllowed({"agent", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketLinkResource {

    @Inject
    CurrentActor actor;
    @Inject
    LinkService links;

    @GET
    @Path("/links")
    @Operation(summary = "Links of a ticket, with its role in each (normal, parent, child)")
    public List<LinkView> list(@PathParam("id") long id) {
        return links.links(actor.get(), id);
    }

    @POST
    @Path("/links")
    @Operation(summary = "Link to another ticket (normal, or parent_child with this ticket as parent)")
    public RestResponse<TicketView> link(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid Requests.Link request) {
        return TicketResource.withTag(links.link(actor.get(), id, ETags.expected(ifMatch), request));
    }

    @DELETE
    @Path("/links/{otherId}")
    @Operation(summary = "Remove the link to another ticket")
    public RestResponse<TicketView> unlink(@PathParam("id") long id, @PathParam("otherId") long otherId,
            @HeaderParam("If-Match") String ifMatch) {
        return TicketResource.withTag(links.unlink(actor.get(), id, ETags.expected(ifMatch), otherId));
    }

    @POST
    @Path("/merge")
    @Operation(summary = "Merge this ticket into another: its articles move there, it gets state merged and a note")
    public RestResponse<TicketView> merge(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid Requests.Merge request) {
        return TicketResource.withTag(links.merge(actor.get(), id, ETags.expected(ifMatch), request));
    }

    @POST
    @Path("/split")
    @Operation(summary = "Split an article off into a new ticket linked to this one; returns the new ticket")
    public RestResponse<TicketView> split(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid Requests.Split request) {
        TicketView created = links.split(actor.get(), id, ETags.expected(ifMatch), request);
        return RestResponse.ResponseBuilder.<TicketView>created(URI.create("/api/tickets/" + created.id()))
                .entity(created).tag(ETags.of(created.version())).build();
    }
}
