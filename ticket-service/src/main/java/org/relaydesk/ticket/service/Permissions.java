package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.relaydesk.ticket.Permission;
import org.relaydesk.ticket.Queue;
import org.relaydesk.ticket.Ticket;
import org.relaydesk.ticket.repository.GroupPermissionRepository;
import org.relaydesk.ticket.repository.QueueRepository;

/**
 * OTRS-style permission checks: an agent's Keycloak groups (token claim {@code groups}) carry
 * permissions on RelayDesk groups, and a queue belongs to one group. {@code rw} implies every
 * other permission; admins and the system may do everything.
 */
@ApplicationScoped
public class Permissions {

    @Inject
    GroupPermissionRepository groupPermissions;
    @Inject
    QueueRepository queues;

    public boolean has(Actor actor, Queue queue, Permission permission) {
        if (actor.isPrivileged()) {
            return true;
        }
        if (!actor.isAgent()) {
            return false;
        }
        Set<Permission> held = groupPermissions.permissions(actor.groups(), queue.groupId);
        return held.contains(Permission.RW) || held.contains(permission);
    }

    public void require(Actor actor, Queue queue, Permission permission) {
        if (!has(actor, queue, permission)) {
            throw ProblemException.forbidden(actor.username() + " lacks permission " + permission.code()
                    + " on queue " + queue.name);
        }
    }

    public void require(Actor actor, Ticket ticket, Permission permission) {
        require(actor, queues.findById(ticket.queueId), permission);
    }

    /** Only the agent holding a ticket's lock may change it (others can still read it). */
    public void requireNotLockedByOther(Actor actor, Ticket ticket) {
        if (!actor.isSystem() && ticket.lockedByOther(actor.username())) {
            throw ProblemException.lockedByOther(ticket.id, ticket.owner);
        }
    }

    /** Queues whose tickets the actor may read, or null for all (admin). */
    public List<Integer> readableQueueIds(Actor actor) {
        if (actor.isPrivileged()) {
            return null;
        }
        return groupPermissions.queueIdsWith(actor.groups(), Permission.RO);
    }
}
