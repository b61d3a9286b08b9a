package org.relaydesk.mailgateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.relaydesk.mailgateway.OutboundMail;

/** The outbound mail queue and its history. */
@ApplicationScoped
public class OutboundMailRepository implements PanacheRepositoryBase<OutboundMail, UUID> {

    public Optional<OutboundMail> byArticle(long articleId) {
        return find("articleId", articleId).firstResultOptional();
    }

    public boolean existsForEvent(UUID eventId) {
        return count("eventId", eventId) > 0;
    }

    /** The mail we sent with this Message-ID (with angle brackets). */
    public Optional<OutboundMail> byMessageId(String messageId) {
        return find("messageId", messageId).firstResultOptional();
    }

    /** The ticket of a mail we sent with one of these Message-IDs (with angle brackets). */
    public Optional<Long> ticketOfMessageIds(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return getEntityManager().createQuery(
                        "select o.ticketId from OutboundMail o where o.messageId in :ids and o.ticketId is not null "
                                + "order by o.createdAt desc", Long.class)
                .setParameter("ids", messageIds).setMaxResults(1).getResultStream().findFirst();
    }

    /** Auto responses sent to an address since the given instant (loop protection). */
    public int autoResponsesTo(String address, Instant since) {
        if (address == null || address.isBlank()) {
            return 0;
        }
        return ((Number) getEntityManager().createNativeQuery("""
                select count(*) from outbound_mail
                where kind = 'auto_response' and created_at >= :since and lower(mail_to) like :addr
                """).setParameter("since", since)
                .setParameter("addr", "%" + address.toLowerCase().replace("%", "").replace("_", "\\_") + "%")
                .getSingleResult()).intValue();
    }

    /** Locks up to {@code limit} mails due for sending that no other sender holds. */
    @SuppressWarnings("unchecked")
    public List<OutboundMail> lockDue(int limit) {
        return getEntityManager().createNativeQuery("""
                select * from outbound_mail
                where status = 'QUEUED' and next_attempt_at <= now()
                order by next_attempt_at limit :n
                for update skip locked
                """, OutboundMail.class).setParameter("n", limit).getResultList();
    }
}
