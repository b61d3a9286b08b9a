package org.relaydesk.ticket.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relaydesk.ticket.api.QueueView;
import org.relaydesk.ticket.repository.QueueRepository;

/** The valid queues, readable by every agent (e.g. for the mail-gateway to resolve queue names). */
@Path("/api/queues")
@Tag(name = "Queues")
@RolesAllowed({"agent", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    @Inject
    QueueRepository queues;

    @GET
    @Transactional
    @Operation(summary = "List the valid queues (id, name, group)")
    public List<QueueView> list() {
        return queues.list("valid = true order by id").stream()
                .map(q -> new QueueView(q.id, q.name, q.groupId, q.systemAddressId,
                        q.followUpPolicy == null ? null : q.followUpPolicy.code(),
                        q.comment))
                .toList();
    }
}
