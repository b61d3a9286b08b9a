package org.relaydesk.mailgateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.relaydesk.mailgateway.InboundMail;
import org.relaydesk.mailgateway.InboundStatus;

/** The raw inbound store. */
@ApplicationScoped
public class InboundMailRepository implements PanacheRepositoryBase<InboundMail, UUID> {

    /** Status of a stored mail, without loading its bytes. */
    public record State(UUID id, InboundStatus status) {
    }

    /**
     * Inserts the mail unless one with the same dedupe key exists (race-free: {@code on conflict do
     * nothing}); returns whether it was inserted.
     */
    public boolean insertIfAbsent(UUID id, String dedupeKey, String messageId, String sha256, byte[] raw,
            UUID accountId, String sourceRef) {
        return insertIfAbsent(id, dedupeKey, messageId, sha256, raw, accountId, sourceRef, null);
    }

    /**
     * As above; with {@code claimedUntil} the new row is already claimed by the caller
     * (PROCESSING, first attempt, lease until then), which saves a claim transaction per mail.
     */
    public boolean insertIfAbsent(UUID id, String dedupeKey, String messageId, String sha256, byte[] raw,
            UUID accountId, String sourceRef, Instant claimedUntil) {
        int rows = getEntityManager().createNativeQuery("""
                insert into inbound_mail (id, dedupe_key, message_id, raw_sha256, raw, raw_size, account_id, source_ref,
                                          received_at, status, attempts, next_attempt_at)
                values (:id, :key, :mid, :sha, :raw, :size, :account, :ref, now(),
                        case when cast(:until as timestamptz) is null then 'RECEIVED' else 'PROCESSING' end,
                        case when cast(:until as timestamptz) is null then 0 else 1 end,
                        coalesce(cast(:until as timestamptz), now()))
                on conflict (dedupe_key) do nothing
                """)
                .setParameter("until", claimedUntil == null ? null : java.sql.Timestamp.from(claimedUntil))
                .setParameter("id", id)
                .setParameter("key", dedupeKey)
                .setParameter("mid", messageId)
                .setParameter("sha", sha256)
                .setParameter("raw", raw)
                .setParameter("size", raw.length)
                .setParameter("account", accountId)
                .setParameter("ref", sourceRef)
                .executeUpdate();
        return rows == 1;
    }

    public Optional<State> stateByDedupeKey(String dedupeKey) {
        return getEntityManager().createQuery(
                        "select new org.relaydesk.mailgateway.repository.InboundMailRepository$State(m.id, m.status) "
                                + "from InboundMail m where m.dedupeKey = :k", State.class)
                .setParameter("k", dedupeKey).getResultStream().findFirst();
    }

    /** The mail fetched from this place of this account, if any. */
    public Optional<State> stateBySource(UUID accountId, String sourceRef) {
        return getEntityManager().createQuery(
                        "select new org.relaydesk.mailgateway.repository.InboundMailRepository$State(m.id, m.status) "
                                + "from InboundMail m where m.accountId = :a and m.sourceRef = :r order by m.receivedAt",
                        State.class)
                .setParameter("a", accountId).setParameter("r", sourceRef)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** Status by source ref of all mails of this account with one of these refs (one query for a whole pass). */
    public java.util.Map<String, InboundStatus> statesBySource(UUID accountId, Collection<String> sourceRefs) {
        java.util.Map<String, InboundStatus> map = new java.util.HashMap<>();
        if (sourceRefs.isEmpty()) {
            return map;
        }
        List<Object[]> rows = getEntityManager().createQuery(
                        "select m.sourceRef, m.status from InboundMail m where m.accountId = :a and m.sourceRef in :refs",
                        Object[].class)
                .setParameter("a", accountId).setParameter("refs", sourceRefs).getResultList();
        for (Object[] r : rows) {
            map.merge((String) r[0], (InboundStatus) r[1], (x, y) -> x.isFinal() ? x : y);
        }
        return map;
    }

    public Optional<InboundStatus> status(UUID id) {
        return getEntityManager().createQuery("select m.status from InboundMail m where m.id = :id", InboundStatus.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /**
     * Claims a mail for processing: locks it if it is due (RECEIVED or an expired PROCESSING
     * lease) and nobody else holds it. Returns empty when it is not claimable now.
     */
    public Optional<InboundMail> lockIfDue(UUID id) {
        @SuppressWarnings("unchecked")
        List<InboundMail> rows = getEntityManager().createNativeQuery("""
                select * from inbound_mail
                where id = :id and status in ('RECEIVED', 'PROCESSING') and next_attempt_at <= now()
                for update skip locked
                """, InboundMail.class).setParameter("id", id).getResultList();
        return rows.stream().findFirst();
    }

    /** Ids of mails due for a (re)try, oldest first. */
    @SuppressWarnings("unchecked")
    public List<UUID> dueIds(int limit) {
        return getEntityManager().createNativeQuery("""
                select id from inbound_mail
                where status in ('RECEIVED', 'PROCESSING') and next_attempt_at <= now()
                order by next_attempt_at limit :n
                """, UUID.class).setParameter("n", limit).getResultList();
    }

    /** The ticket of an earlier mail with one of these Message-IDs (without brackets). */
    public Optional<Long> ticketOfMessageIds(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return getEntityManager().createQuery(
                        "select m.ticketId from InboundMail m where m.messageId in :ids and m.ticketId is not null "
                                + "order by m.receivedAt desc", Long.class)
                .setParameter("ids", messageIds).setMaxResults(1).getResultStream().findFirst();
    }

    public Optional<Long> ticketOfNumber(String number) {
        return getEntityManager().createQuery(
                        "select m.ticketId from InboundMail m where m.ticketNumber = :n and m.ticketId is not null", Long.class)
                .setParameter("n", number).setMaxResults(1).getResultStream().findFirst();
    }

    public long countByStatus(InboundStatus status) {
        return count("status", status);
    }

    public long countReceivedSince(Instant since) {
        return count("receivedAt >= ?1", since);
    }
}
