package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.relaydesk.ticket.TicketType;

/** Ticket types. */
@ApplicationScoped
public class TicketTypeRepository implements PanacheRepositoryBase<TicketType, Integer> {
}
