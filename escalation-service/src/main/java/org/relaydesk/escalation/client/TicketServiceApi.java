package org.relaydesk.escalation.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The ticket-service endpoint escalation-service calls, as a REST client. Each call carries the
 * caller's own bearer token (the {@code Authorization} parameter), so ticket-service decides with
 * the caller's roles and groups, never with a service account's. Only {@link TicketServiceClient}
 * uses it: the path lives here, the error mapping there; timeouts are the client's
 * {@code quarkus.rest-client.ticket-service.*} settings.
 */
@RegisterRestClient(configKey = "ticket-service")
@Produces(MediaType.APPLICATION_JSON)
@Path("/api")
public interface TicketServiceApi {

    /** The ticket without its articles: 200 when the caller may read it, 403 when not, 404 when there is none. */
    @GET
    @Path("/tickets/{id}")
    void ticket(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long ticketId,
            @QueryParam("articles") boolean articles);
}
