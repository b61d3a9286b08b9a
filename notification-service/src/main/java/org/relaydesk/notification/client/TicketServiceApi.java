package org.relaydesk.notification.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The ticket-service admin endpoints notification-service reads, as a REST client with a
 * client-credentials token of {@code relaydesk-service} (an admin account). Only
 * {@link org.relaydesk.notification.service.QueueReaders} uses it; timeouts are the client's
 * {@code quarkus.rest-client.ticket-service.*} settings.
 */
@RegisterRestClient(configKey = "ticket-service")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/admin")
public interface TicketServiceApi {

    /** A queue as far as permissions go: its id and the RelayDesk group it belongs to. */
    record QueueRef(long id, String name, Long groupId) {
    }

    /** The permissions one Keycloak group holds on a RelayDesk group ({@code ro}, {@code rw}, {@code note}, ...). */
    record GroupGrant(String keycloakGroup, List<String> permissions) {
    }

    /** All queues. */
    @GET
    @Path("/queues")
    List<QueueRef> queues();

    /** The Keycloak groups' permissions on a RelayDesk group; 404 when the group does not exist. */
    @GET
    @Path("/groups/{groupId}/permissions")
    List<GroupGrant> groupPermissions(@PathParam("groupId") long groupId);
}
