package org.relaydesk.ticket.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The counter of ticket numbers: a PostgreSQL sequence, never repeating, never rolled back. */
@ApplicationScoped
public class TicketNumberSequence {

    @Inject
    EntityManager em;

    public long next() {
        return ((Number) em.createNativeQuery("select nextval('ticket_number_counter')").getSingleResult()).longValue();
    }
}
