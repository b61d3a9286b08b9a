package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.relaydesk.ticket.Article;

/** Articles of tickets, oldest first. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, Long> {

    public List<Article> ofTicket(long ticketId, boolean customerVisibleOnly) {
        return customerVisibleOnly
                ? list("ticketId = ?1 and visibleForCustomer = true order by id", ticketId)
                : list("ticketId = ?1 order by id", ticketId);
    }

    public Optional<Article> ofTicket(long ticketId, long articleId) {
        return find("id = ?1 and ticketId = ?2", articleId, ticketId).firstResultOptional();
    }

    /** The inbound article that came with this message id, if any (mail intake is idempotent on it). */
    /** The first article (inbound or outbound) with this Message-ID. */
    public Optional<Article> byMessageId(String messageId) {
        return find("messageId = ?1 order by id", messageId).firstResultOptional();
    }

    public List<Long> idsOfTicket(long ticketId) {
        return getEntityManager().createQuery("select a.id from Article a where a.ticketId = :t order by a.id", Long.class)
                .setParameter("t", ticketId).getResultList();
    }

    /** Moves every article of one ticket to another (merge). */
    public int moveAll(long fromTicketId, long toTicketId) {
        return update("ticketId = ?1 where ticketId = ?2", toTicketId, fromTicketId);
    }
}
