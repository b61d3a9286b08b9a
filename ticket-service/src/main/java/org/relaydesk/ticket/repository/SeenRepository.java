package org.relaydesk.ticket.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Per-agent seen flags of tickets and articles (idempotent upserts). */
@ApplicationScoped
public class SeenRepository {

    @Inject
    EntityManager em;

    /**
     * A native statement that touches only the named table: Hibernate then keeps its second-level
     * caches (otherwise every native write would empty all of them).
     */
    private jakarta.persistence.Query statement(String sql, String table) {
        return em.createNativeQuery(sql).unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace(table);
    }

    /** Marks the ticket seen; returns whether the flag is new. */
    public boolean markTicket(long ticketId, String agent, Instant at) {
        return statement("insert into ticket_seen (ticket_id, agent, seen_at) values (:t, :a, :at) "
                        + "on conflict (ticket_id, agent) do nothing", "ticket_seen")
                .setParameter("t", ticketId).setParameter("a", agent).setParameter("at", at).executeUpdate() == 1;
    }

    public boolean unmarkTicket(long ticketId, String agent) {
        return statement("delete from ticket_seen where ticket_id = :t and agent = :a", "ticket_seen")
                .setParameter("t", ticketId).setParameter("a", agent).executeUpdate() > 0;
    }

    /** Marks the article seen; returns whether the flag is new. */
    public boolean markArticle(long articleId, String agent, Instant at) {
        return statement("insert into article_seen (article_id, agent, seen_at) values (:r, :a, :at) "
                        + "on conflict (article_id, agent) do nothing", "article_seen")
                .setParameter("r", articleId).setParameter("a", agent).setParameter("at", at).executeUpdate() == 1;
    }

    public boolean unmarkArticle(long articleId, String agent) {
        return statement("delete from article_seen where article_id = :r and agent = :a", "article_seen")
                .setParameter("r", articleId).setParameter("a", agent).executeUpdate() > 0;
    }

    /** Clears every agent's ticket flag, e.g. after a new article arrived. */
    public void clearTicket(long ticketId) {
        statement("delete from ticket_seen where ticket_id = :t", "ticket_seen").setParameter("t", ticketId).executeUpdate();
    }

    public boolean ticketSeen(long ticketId, String agent) {
        return !em.createNativeQuery("select 1 from ticket_seen where ticket_id = :t and agent = :a")
                .setParameter("t", ticketId).setParameter("a", agent).getResultList().isEmpty();
    }

    public Set<Long> seenTickets(Collection<Long> ticketIds, String agent) {
        if (ticketIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select ticket_id from ticket_seen where ticket_id in (:t) and agent = :a")
                .setParameter("t", ticketIds).setParameter("a", agent).getResultList();
        Set<Long> result = new HashSet<>();
        ids.forEach(n -> result.add(n.longValue()));
        return result;
    }

    public Set<Long> seenArticles(long ticketId, String agent) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select s.article_id from article_seen s join article a on a.id = s.article_id "
                        + "where a.ticket_id = :t and s.agent = :a")
                .setParameter("t", ticketId).setParameter("a", agent).getResultList();
        Set<Long> result = new HashSet<>();
        ids.forEach(n -> result.add(n.longValue()));
        return result;
    }
}
