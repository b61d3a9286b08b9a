package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.relaydesk.ticket.HistoryEntry;

/** Ticket history, oldest first. */
@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {

    public List<HistoryEntry> ofTicket(long ticketId) {
        return list("ticketId = ?1 order by id", ticketId);
    }
}
