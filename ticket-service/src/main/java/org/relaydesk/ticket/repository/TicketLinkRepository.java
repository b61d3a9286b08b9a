package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.relaydesk.ticket.TicketLink;

/** Links between tickets. A link is found from either end. */
@ApplicationScoped
public class TicketLinkRepository implements PanacheRepositoryBase<TicketLink, Long> {

    public List<TicketLink> ofTicket(long ticketId) {
        return list("sourceTicketId = ?1 or targetTicketId = ?1 order by id", ticketId);
    }

    public Optional<TicketLink> between(long a, long b) {
        return find("(sourceTicketId = ?1 and targetTicketId = ?2) or (sourceTicketId = ?2 and targetTicketId = ?1)", a, b)
                .firstResultOptional();
    }
}
