package org.relaydesk.escalation.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;
import org.relaydesk.escalation.config.RuntimeConfig;
import org.relaydesk.escalation.repository.TicketEscalationEntity;

/**
 * Recomputes the open tickets affected by a settings or calendar change (SPEC G1, section 6), in the
 * background after the change commits, in batches of {@code relaydesk.runtime.recompute-batch-size}
 * tickets per transaction and {@code relaydesk.runtime.recompute-workers} parallel slices of the ticket
 * ids. One query loads and locks a batch; {@link EscalationEngine#evaluateAll} writes it back with a
 * few statements. Rows locked by the consumer at that moment are skipped: the consumer
 * recomputes them with the new settings itself.
 */
@ApplicationScoped
public class RecomputeService {

    private static final Logger LOG = Logger.getLogger(RecomputeService.class);

    /** Fired by a settings change, observed after commit. */
    public record SettingsChanged(String scope, String key) {
    }

    @Inject
    EntityManager em;
    @Inject
    EscalationEngine engine;
    @Inject
    CalendarService calendars;
    @Inject
    RuntimeConfig config;

    /** Runs one recompute job after the other. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> daemon(r, "escalation-recompute"));
    /** The job's slices in parallel (Java computes while PostgreSQL writes the other slice's batch). */
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> daemon(r, "escalation-recompute-worker"));

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void onSettings(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingsChanged changed) {
        String column = "QUEUE".equals(changed.scope()) ? "queue_id" : "sla_id";
        executor.execute(() -> recompute(column, changed.key()));
    }

    void onCalendar(@Observes(during = TransactionPhase.AFTER_SUCCESS) CalendarService.CalendarChanged changed) {
        executor.execute(() -> recompute("calendar_id", changed.calendarId()));
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
        workers.shutdownNow();
    }

    /** Recomputes every open ticket whose {@code column} equals {@code key}; returns how many. */
    public int recompute(String column, String key) {
        long started = System.nanoTime();
        int slices = Math.max(1, config.recomputeWorkers());
        List<Future<Integer>> parts = new ArrayList<>();
        for (int slice = 0; slice < slices; slice++) {
            int s = slice;
            parts.add(workers.submit(() -> recomputeSlice(column, key, s, slices)));
        }
        int total = 0;
        for (Future<Integer> part : parts) {
            try {
                total += part.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("recompute interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("recompute failed: " + e.getCause(), e.getCause());
            }
        }
        LOG.infof("recomputed %d open tickets with %s = %s in %d ms", total, column, key,
                (System.nanoTime() - started) / 1_000_000);
        return total;
    }

    /** The tickets of one slice ({@code ticket_id mod slices = slice}), batch after batch in ticket id order. */
    private int recomputeSlice(String column, String key, int slice, int slices) {
        long last = Long.MIN_VALUE;
        int total = 0;
        while (true) {
            long from = last;
            long[] result = QuarkusTransaction.requiringNew().call(() -> batch(column, key, slice, slices, from));
            total += (int) result[0];
            if (result[0] < config.recomputeBatchSize()) {
                return total;
            }
            last = result[1];
        }
    }

    private long[] batch(String column, String key, int slice, int slices, long after) {
        @SuppressWarnings("unchecked")
        List<TicketEscalationEntity> tickets = em.createNativeQuery("select * from ticket_escalation where " + column
                        + " = :key and not closed and ticket_id > :after and mod(ticket_id, :slices) = :slice "
                        + "order by ticket_id limit :n for update skip locked", TicketEscalationEntity.class)
                .setParameter("key", key).setParameter("after", after).setParameter("slices", (long) slices)
                .setParameter("slice", (long) slice).setParameter("n", config.recomputeBatchSize())
                .getResultList();
        engine.evaluateAll(tickets, Instant.now(), new DbSettingsSource(calendars));
        em.flush();
        em.clear();
        long lastId = tickets.isEmpty() ? after : tickets.get(tickets.size() - 1).ticketId;
        return new long[] {tickets.size(), lastId};
    }
}
