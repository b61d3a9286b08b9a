package org.relaydesk.escalation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.relaydesk.escalation.repository.TicketEscalationEntity;

/**
 * Row locks on {@code ticket_escalation}: every writer (consumer, timer scheduler, recompute) locks
 * the ticket's row first and only then touches its timers, so they never deadlock.
 */
@ApplicationScoped
public class TicketLocks {

    @Inject
    EntityManager em;

    /** Waits for the row lock; null when the ticket is unknown. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TicketEscalationEntity lock(long ticketId) {
        return em.find(TicketEscalationEntity.class, ticketId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Locks those of the rows no other transaction holds, in ticket id order (no deadlocks); managed entities. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TicketEscalationEntity> tryLockAll(Collection<Long> ticketIds) {
        return rows(ticketIds, " skip locked");
    }

    /** Waits for the locks of these rows, taken in ticket id order (no deadlocks); managed entities by id, unknown ids absent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, TicketEscalationEntity> lockAll(Collection<Long> ticketIds) {
        Map<Long, TicketEscalationEntity> byId = new HashMap<>();
        rows(ticketIds, "").forEach(t -> byId.put(t.ticketId, t));
        return byId;
    }

    @SuppressWarnings("unchecked")
    private List<TicketEscalationEntity> rows(Collection<Long> ticketIds, String skipLocked) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("select * from ticket_escalation where ticket_id = any(cast(:ids as bigint[])) "
                        + "order by ticket_id for update" + skipLocked, TicketEscalationEntity.class)
                .setParameter("ids", idArray(ticketIds)).getResultList();
    }

    /** Ticket ids as a PostgreSQL array literal, for {@code = any(cast(:ids as bigint[]))}. */
    static String idArray(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
