package org.relaydesk.escalation.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.relaydesk.escalation.config.RuntimeConfig;
import org.relaydesk.escalation.repository.TicketEscalationEntity;

/**
 * Recomputes the open tickets affected by a settings or calendar change (SPEC G1, section 6), in the
 * background after the change commits, in batches of {@code relaydesk.runtime.recompute-batch-size}
 * tickets per transaction. Rows locked by the consumer at that moment are skipped: the consumer
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

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "escalation-recompute");
        t.setDaemon(true);
        return t;
    });

    void onSettings(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingsChanged changed) {
        String column = "QUEUE".equals(changed.scope()) ? "queue_id" : "sla_id";
        executor.execute(() -> recompute(column, changed.key()));
    }

    void onCalendar(@Observes(during = TransactionPhase.AFTER_SUCCESS) CalendarService.CalendarChanged changed) {
        executor.execute(() -> recompute("calendar_id", changed.calendarId()));
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /** Recomputes every open ticket whose {@code column} equals {@code key}; returns how many. */
    public int recompute(String column, String key) {
        long last = Long.MIN_VALUE;
        int total = 0;
        long started = System.nanoTime();
        while (true) {
            long from = last;
            long[] result = QuarkusTransaction.requiringNew().call(() -> batch(column, key, from));
            total += (int) result[0];
            if (result[0] < config.recomputeBatchSize()) {
                break;
            }
            last = result[1];
        }
        LOG.infof("recomputed %d open tickets with %s = %s in %d ms", total, column, key,
                (System.nanoTime() - started) / 1_000_000);
        return total;
    }

    private long[] batch(String column, String key, long after) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select ticket_id from ticket_escalation where " + column
                        + " = :key and not closed and ticket_id > :after order by ticket_id limit :n for update skip locked")
                .setParameter("key", key).setParameter("after", after).setParameter("n", config.recomputeBatchSize())
                .getResultList();
        DbSettingsSource source = new DbSettingsSource(calendars);
        long lastId = after;
        Instant now = Instant.now();
        for (Number n : ids) {
            TicketEscalationEntity t = em.find(TicketEscalationEntity.class, n.longValue());
            engine.evaluate(t, now, source);
            lastId = n.longValue();
        }
        em.flush();
        em.clear();
        return new long[] {ids.size(), lastId};
    }
}
