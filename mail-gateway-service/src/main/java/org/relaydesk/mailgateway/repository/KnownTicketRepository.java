package org.relaydesk.mailgateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.relaydesk.mailgateway.KnownTicket;

/** Ticket numbers seen on ticket.events. */
@ApplicationScoped
public class KnownTicketRepository implements PanacheRepositoryBase<KnownTicket, Long> {

    public Optional<Long> idOf(String number) {
        return find("number", number).firstResultOptional().map(t -> t.ticketId);
    }

    /**
     * Records a ticket's number (insert or keep). A number is unique, so a different ticket that
     * claims it (a ticket-service database reset, or test tickets on a shared broker) replaces the
     * old entry instead of failing the event forever and blocking its partition.
     */
    public void remember(long ticketId, String number, Long queueId) {
        if (number == null || number.isBlank()) {
            return;
        }
        getEntityManager().createNativeQuery("delete from known_ticket where number = :number and ticket_id <> :id")
                .setParameter("number", number).setParameter("id", ticketId).executeUpdate();
        getEntityManager().createNativeQuery("""
                insert into known_ticket (ticket_id, number, queue_id, seen_at) values (:id, :number, :queue, now())
                on conflict (ticket_id) do update set queue_id = coalesce(excluded.queue_id, known_ticket.queue_id)
                """).setParameter("id", ticketId).setParameter("number", number).setParameter("queue", queueId)
                .executeUpdate();
    }
}
