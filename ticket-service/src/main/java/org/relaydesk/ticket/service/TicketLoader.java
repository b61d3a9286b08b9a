package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.relaydesk.ticket.Permission;
import org.relaydesk.ticket.Ticket;
import org.relaydesk.ticket.repository.TicketRepository;

/** Loads tickets for reading (permission checked) and for writing (row-locked, version checked). */
@ApplicationScoped
public class TicketLoader {

    @Inject
    TicketRepository tickets;
    @Inject
    Permissions permissions;

    /**
     * Loads and row-locks a ticket for a change. {@code expectedVersion} comes from If-Match; a
     * different current version means the caller worked on a stale copy (412).
     */
    public Ticket forUpdate(long id, Long expectedVersion) {
        Ticket t = tickets.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("ticket", id));
        if (expectedVersion != null && expectedVersion != t.version) {
            throw ProblemException.stale(t.version);
        }
        return t;
    }

    /** Loads a ticket the actor may read: ro on its queue, or for a customer user their own ticket. */
    public Ticket forRead(Actor actor, long id) {
        Ticket t = tickets.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("ticket", id));
        if (actor.isCustomer()) {
            requireOwn(actor, t);
        } else {
            permissions.require(actor, t, Permission.RO);
        }
        return t;
    }

    /** A customer user reaches only their own tickets; others do not exist for them (404). */
    public void requireOwn(Actor customer, Ticket t) {
        if (t.customerUserId == null || !t.customerUserId.equals(customer.username())) {
            throw ProblemException.notFound("ticket", t.id);
        }
    }

    /** A ticket referenced from a request body: unknown is a 422 naming the field. */
    public Ticket referencedForUpdate(Long id, String field) {
        if (id == null) {
            throw ProblemException.invalid(field, "is required");
        }
        return tickets.findForUpdate(id).orElseThrow(() -> ProblemException.invalid(field, "ticket " + id + " does not exist"));
    }
}
