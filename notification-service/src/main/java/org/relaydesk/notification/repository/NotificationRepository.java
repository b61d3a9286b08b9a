package org.relaydesk.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.relaydesk.notification.Notification;
import org.relaydesk.notification.service.NotificationView;
import org.relaydesk.notification.service.PushEvent;

/** In-app notifications and ticket hints: lists, read marks, and the replay of a resumed stream. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepository<Notification> {

    /** Most events replayed to a resuming stream. */
    static final int REPLAY_LIMIT = 500;

    @Inject
    EntityManager em;

    public List<Notification> page(String agent, boolean unreadOnly, int page, int size) {
        String q = unreadOnly ? "agent = ?1 and readAt is null" : "agent = ?1";
        return find(q, Sort.descending("id"), agent).page(Page.of(page, size)).list();
    }

    public long countFor(String agent, boolean unreadOnly) {
        return unreadOnly ? count("agent = ?1 and readAt is null", agent) : count("agent = ?1", agent);
    }

    public int markRead(String agent, long id, Instant now) {
        return update("readAt = ?1 where id = ?2 and agent = ?3 and readAt is null", now, id, agent);
    }

    public boolean exists(String agent, long id) {
        return count("id = ?1 and agent = ?2", id, agent) > 0;
    }

    public int markAllRead(String agent, Instant now) {
        return update("readAt = ?1 where agent = ?2 and readAt is null", now, agent);
    }

    /** What an agent's stream missed after the given event id: their notifications and all ticket hints. */
    @SuppressWarnings("unchecked")
    public List<PushEvent> since(String agent, long lastEventId) {
        List<PushEvent> out = new ArrayList<>();
        for (Notification n : find("agent = ?1 and id > ?2", Sort.ascending("id"), agent, lastEventId)
                .page(0, REPLAY_LIMIT).list()) {
            out.add(new PushEvent(n.id, PushEvent.NOTIFICATION, agent, NotificationView.of(n)));
        }
        List<Object[]> hints = em.createNativeQuery("select id, ticket_id, type from ticket_hint where id > :last order by id")
                .setParameter("last", lastEventId).setMaxResults(REPLAY_LIMIT).getResultList();
        for (Object[] h : hints) {
            out.add(new PushEvent(((Number) h[0]).longValue(), PushEvent.TICKET, null,
                    new PushEvent.TicketHint(((Number) h[1]).longValue(), (String) h[2])));
        }
        out.sort(Comparator.comparingLong(PushEvent::id));
        return out.size() > REPLAY_LIMIT ? out.subList(0, REPLAY_LIMIT) : out;
    }

    /** The notifications and ticket hints with these ids (any agent), in id order. */
    @SuppressWarnings("unchecked")
    public List<PushEvent> byIds(List<Long> ids) {
        List<PushEvent> out = new ArrayList<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Notification n : list("id in ?1", ids)) {
            out.add(new PushEvent(n.id, PushEvent.NOTIFICATION, n.agent, NotificationView.of(n)));
        }
        List<Object[]> hints = em.createNativeQuery("select id, ticket_id, type from ticket_hint where id in (:ids)")
                .setParameter("ids", ids).getResultList();
        for (Object[] h : hints) {
            out.add(new PushEvent(((Number) h[0]).longValue(), PushEvent.TICKET, null,
                    new PushEvent.TicketHint(((Number) h[1]).longValue(), (String) h[2])));
        }
        out.sort(Comparator.comparingLong(PushEvent::id));
        return out;
    }

    /** Drops ticket hints older than the retention (they only serve resumes). */
    public int pruneHints(Instant before) {
        return em.createNativeQuery("delete from ticket_hint where created_at < :before")
                .setParameter("before", before).executeUpdate();
    }
}
