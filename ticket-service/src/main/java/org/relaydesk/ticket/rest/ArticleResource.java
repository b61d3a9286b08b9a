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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.relaydesk.ticket.Attachment;
import org.relaydesk.ticket.api.ArticleRequest;
import org.relaydesk.ticket.api.ArticleView;
import org.relaydesk.ticket.service.ArticleService;
import org.relaydesk.ticket.service.SeenService;
import org.relaydesk.ticket.service.TicketQueries;

/** Articles of a ticket, their attachments, and the per-agent seen flags. */
@Path("/api/tickets/{id}")
@Tag(name = "Articles")
@RolesAllowed({"agent", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ArticleResource {

    @Inject
    CurrentActor actor;
    @Inject
    ArticleService articles;
    @Inject
    TicketQueries queries;
    @Inject
    SeenService seen;

    @POST
    @Path("/articles")
    @Operation(summary = "Add an article: note, phone, reply, forward, bounce, email or web; nextState changes the state with it "
            + "(e.g. reopen). Outbound articles are stored with delivery status queued for the mail-gateway.")
    public RestResponse<ArticleView> add(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ArticleRequest request) {
        ArticleService.Added added = articles.add(actor.get(), id, ETags.expected(ifMatch), request);
        return added(added);
    }

    static RestResponse<ArticleView> added(ArticleService.Added added) {
        URI location = URI.create("/api/tickets/" + added.ticketId() + "/articles/" + added.article().id());
        return (added.created() ? RestResponse.ResponseBuilder.<ArticleView>created(location)
                : RestResponse.ResponseBuilder.<ArticleView>ok())
                .entity(added.article()).tag(ETags.of(added.ticketVersion())).build();
    }

    @GET
    @Path("/articles")
    @Operation(summary = "The articles of a ticket, oldest first")
    public List<ArticleView> list(@PathParam("id") long id) {
        return queries.articles(actor.get(), id);
    }

    @GET
    @Path("/articles/{articleId}")
    @Operation(summary = "One article")
    public ArticleView get(@PathParam("id") long id, @PathParam("articleId") long articleId) {
        return queries.article(actor.get(), id, articleId);
    }

    @GET
    @Path("/articles/{articleId}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download an attachment")
    public Response download(@PathParam("id") long id, @PathParam("articleId") long articleId,
            @PathParam("attachmentId") long attachmentId) {
        return attachment(articles.download(actor.get(), id, articleId, attachmentId));
    }

    /** The raw bytes with the stored content type (a plain Response so no JSON writer is picked). */
    static Response attachment(Attachment file) {
        String name = file.filename.replace("\"", "").replace("\r", "").replace("\n", "");
        return Response.ok(file.content, file.contentType)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Content-Length", file.size)
                .build();
    }

    @PUT
    @Path("/seen")
    @Operation(summary = "Mark the ticket and all its articles seen for the caller")
    public void seeTicket(@PathParam("id") long id) {
        seen.ticket(actor.get(), id, true);
    }

    @DELETE
    @Path("/seen")
    @Operation(summary = "Mark the ticket and all its articles unseen for the caller")
    public void unseeTicket(@PathParam("id") long id) {
        seen.ticket(actor.get(), id, false);
    }

    @PUT
    @Path("/articles/{articleId}/seen")
    @Operation(summary = "Mark one article seen for the caller")
    public void seeArticle(@PathParam("id") long id, @PathParam("articleId") long articleId) {
        seen.article(actor.get(), id, articleId, true);
    }

    @DELETE
    @Path("/articles/{articleId}/seen")
    @Operation(summary = "Mark one article unseen for the caller")
    public void unseeArticle(@PathParam("id") long id, @PathParam("articleId") long articleId) {
        seen.article(actor.get(), id, articleId, false);
    }
}
