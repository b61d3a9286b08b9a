package org.relaydesk.search.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * The tables of attachment text extraction: {@code pending_extraction} (articles whose attachments
 * still have to be read; written in the transaction that records the {@code ArticleAdded} event) and
 * {@code attachment_text} (the text, or why there is none, per attachment; what a reindex reads).
 */
@ApplicationScoped
public class AttachmentTexts {

    /** A claimed article: its ticket (as last known) and how many times it was claimed, this time included. */
    public record Claim(long articleId, long ticketId, int attempts) {
    }

    /** An attachment's outcome: {@code text} null and {@code reason} set when it was skipped. */
    public record Outcome(long attachmentId, String filename, String text, String reason) {
    }

    @Inject
    EntityManager em;

    /** Records articles (id → ticket id) whose attachments are to be read; an article already pending stays as it is. */
    @Transactional
    public void enqueue(Map<Long, Long> articleToTicket) {
        if (articleToTicket.isEmpty()) {
            return;
        }
        Long[] articles = articleToTicket.keySet().toArray(Long[]::new);
        Long[] tickets = articleToTicket.values().toArray(Long[]::new);
        work("insert into pending_extraction (article_id, ticket_id) select * from unnest(?::bigint[], ?::bigint[]) "
                + "on conflict (article_id) do nothing", articles, tickets);
    }

    /** A merge moved these articles to another ticket: pending ones are due at once (with their new ticket). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moved(List<Long> articleIds, long ticketId) {
        if (articleIds.isEmpty()) {
            return;
        }
        Long[] ids = articleIds.toArray(Long[]::new);
        work("update pending_extraction set ticket_id = ?, next_attempt_at = now() where article_id = any(?::bigint[])", ticketId, ids);
        work("update attachment_text set ticket_id = ? where article_id = any(?::bigint[])", ticketId, ids);
    }

    /** The ticket is deleted: its attachments' text goes too. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ticketDeleted(long ticketId) {
        work("delete from pending_extraction where ticket_id = ?", ticketId);
        work("delete from attachment_text where ticket_id = ?", ticketId);
    }

    /**
     * Claims up to {@code limit} due articles, oldest due first, skipping rows another worker holds: the
     * claim pushes {@code next_attempt_at} by {@code lease}, so a worker that dies leaves them to be
     * taken up again after the lease.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claim> claim(int limit, Duration lease) {
        return session().doReturningWork(c -> {
            List<Claim> claims = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("update pending_extraction p "
                    + "set next_attempt_at = now() + ? * interval '1 millisecond', attempts = p.attempts + 1 "
                    + "from (select article_id from pending_extraction where next_attempt_at <= now() "
                    + "order by next_attempt_at limit ? for update skip locked) due "
                    + "where p.article_id = due.article_id returning p.article_id, p.ticket_id, p.attempts")) {
                ps.setLong(1, lease.toMillis());
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claims.add(new Claim(rs.getLong(1), rs.getLong(2), rs.getInt(3)));
                    }
                }
            }
            return claims;
        });
    }

    /** The attachments of an article whose outcome is stored already (a retry after an Elasticsearch outage does not parse again). */
    @Transactional
    public Map<Long, Outcome> outcomes(long articleId) {
        Map<Long, Outcome> result = new HashMap<>();
        for (Outcome o : outcomesOf(List.of(articleId)).getOrDefault(articleId, List.of())) {
            result.put(o.attachmentId(), o);
        }
        return result;
    }

    /** Stored outcomes per article, in attachment id order. */
    @Transactional
    public Map<Long, List<Outcome>> outcomesOf(Collection<Long> articleIds) {
        Map<Long, List<Outcome>> result = new HashMap<>();
        if (articleIds.isEmpty()) {
            return result;
        }
        Long[] ids = articleIds.toArray(Long[]::new);
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("select article_id, attachment_id, filename, content, reason "
                    + "from attachment_text where article_id = any(?) order by article_id, attachment_id")) {
                ps.setArray(1, c.createArrayOf("bigint", ids));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new Outcome(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
        });
        return result;
    }

    /** Stores the outcome of one attachment (again, if it was read before). */
    @Transactional
    public void store(long articleId, long ticketId, Outcome o) {
        work("insert into attachment_text (attachment_id, article_id, ticket_id, filename, status, reason, content) "
                + "values (?, ?, ?, ?, ?, ?, ?) on conflict (attachment_id) do update set article_id = excluded.article_id, "
                + "ticket_id = excluded.ticket_id, filename = excluded.filename, status = excluded.status, "
                + "reason = excluded.reason, content = excluded.content, extracted_at = now()",
                o.attachmentId(), articleId, ticketId, o.filename(), o.text() == null ? "skipped" : "extracted", o.reason(),
                o.text());
    }

    /** The article is done (text indexed, or there is nothing to read). Unless a merge moved it meanwhile: then it stays due. */
    @Transactional
    public void done(Claim claim) {
        work("delete from pending_extraction where article_id = ? and ticket_id = ?", claim.articleId(), claim.ticketId());
    }

    /** The article and its ticket are gone: drop the work and any text stored for it. */
    @Transactional
    public void gone(Claim claim) {
        done(claim);
        work("delete from attachment_text where article_id = ?", claim.articleId());
    }

    /** The attempt failed for a reason that may pass (an outage): try again after {@code delay}. */
    @Transactional
    public void retryLater(Claim claim, Duration delay, String error) {
        work("update pending_extraction set next_attempt_at = now() + ? * interval '1 millisecond', last_error = ? "
                + "where article_id = ?", delay.toMillis(), error, claim.articleId());
    }

    /** Number of articles waiting (due or not). */
    @Transactional
    public long pending() {
        return ((Number) em.createNativeQuery("select count(*) from pending_extraction").getSingleResult()).longValue();
    }

    /**
     * The retry delay after {@code attempts} failed attempts: {@code first}, doubling each time, at
     * most {@code max}.
     */
    public static Duration backoff(int attempts, Duration first, Duration max) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        long millis = first.toMillis() * (1L << Math.min(doublings, 20));
        return millis >= max.toMillis() || millis <= 0 ? max : Duration.ofMillis(millis);
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    private void work(String sql, Object... params) {
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    Object p = params[i];
                    if (p == null) {
                        ps.setNull(i + 1, java.sql.Types.VARCHAR);
                    } else if (p instanceof Long[] array) {
                        ps.setArray(i + 1, c.createArrayOf("bigint", array));
                    } else {
                        ps.setObject(i + 1, p);
                    }
                }
                ps.executeUpdate();
            }
        });
    }
}
