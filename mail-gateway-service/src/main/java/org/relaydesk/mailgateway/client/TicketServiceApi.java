package org.relaydesk.mailgateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The ticket-service endpoints the mail-gateway calls, as a REST client with a client-credentials
 * token of {@code relaydesk-service}. Only {@link TicketServiceClient} uses it: every path lives
 * here, every timeout, retry and error mapping there.
 */
@RegisterRestClient(configKey = "ticket-service")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api")
public interface TicketServiceApi {

    /** Creates a ticket with its first article; 201, or 200 when the article's Message-ID is already known. */
    @POST
    @Path("/tickets")
    JsonNode createTicket(TicketServiceDtos.CreateTicket request);

    /** Adds an article; 201, or 200 when an inbound article with this Message-ID exists; 409 when a follow-up is rejected. */
    @POST
    @Path("/tickets/{id}/articles")
    JsonNode addArticle(@PathParam("id") long ticketId, TicketServiceDtos.Article request);

    @GET
    @Path("/tickets/{id}")
    JsonNode ticket(@PathParam("id") long ticketId, @QueryParam("articles") boolean articles);

    /** The ticket with this number, 404 when none. */
    @GET
    @Path("/tickets/by-number/{number}")
    JsonNode ticketByNumber(@PathParam("number") String number);

    /** The valid queues, {@code [{"id":..,"name":..,"groupId":..}]}. */
    @GET
    @Path("/queues")
    List<JsonNode> queues();

    @GET
    @Path("/tickets/{id}/articles/{articleId}")
    JsonNode article(@PathParam("id") long ticketId, @PathParam("articleId") long articleId);

    @GET
    @Path("/tickets/{id}/articles/{articleId}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    byte[] attachment(@PathParam("id") long ticketId, @PathParam("articleId") long articleId,
            @PathParam("attachmentId") long attachmentId);
}
