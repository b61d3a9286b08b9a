package org.relaydesk.escalation.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Arrays;
import org.jboss.logging.Logger;
import org.relaydesk.escalation.config.RuntimeConfig;
import org.relaydesk.escalation.messaging.PartitionOwnership;
import org.relaydesk.escalation.repository.TicketEscalationEntity;

/**
 * Fires due timers: every {@code relaydesk.runtime.timer-poll} it selects timers with
 * {@code fire_at <= now()} on the {@code ticket.events} partitions this instance owns (index on
 * {@code fire_at}, no scan of tickets), locks each ticket's row (skip locked: a row being changed by
 * the consumer is recomputed by it anyway) and re-evaluates the ticket, which publishes its edges
 * through the outbox and replaces its timers, all in one transaction. The sweep (H3) re-queues
 * tickets whose due time passed without their timer firing.
 */
@ApplicationScoped
public class TimerScheduler {

    private static final Logger LOG = Logger.getLogger(TimerScheduler.class);

    @Inject
    EntityManager em;
    @Inject
    EscalationEngine engine;
    @Inject
    TicketLocks locks;
    @Inject
    CalendarService calendars;
    @Inject
    PartitionOwnership ownership;
    @Inject
    RuntimeConfig config;

    @Inject
    MeterRegistry metrics;

    private volatile boolean running;
    private volatile Thread worker;
    private Timer lateness;

    /** The quarkus-scheduler cannot run more often than once a second; a thread of our own polls every timer-poll. */
    void start(@Observes StartupEvent event) {
        lateness = Timer.builder("relaydesk.escalation.timer.lateness")
                .description("How late a timer fired after its fire_at").publishPercentiles(0.5, 0.99)
                .register(metrics);
        running = true;
        Thread t = new Thread(() -> {
            while (running) {
                fireDue();
                LockSupport.parkNanos(config.timerPoll().toNanos());
            }
        }, "escalation-timers");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = worker;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    void fireDue() {
        String owned = partitions();
        if (owned == null) {
            return;
        }
        int fired;
        do {
            try {
                fired = QuarkusTransaction.requiringNew().call(() -> fireBatch(owned));
            } catch (RuntimeException e) {
                LOG.warnf(e, "firing timers failed; retrying on the next round");
                return;
            }
        } while (fired >= config.timerBatchSize());
    }

    /** Fires one batch; returns the number of due timer rows it saw. */
    int fireBatch(String owned) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("select ticket_id, fire_at from timer where fire_at <= now() and kafka_partition in ("
                        + owned + ") order by fire_at limit :n")
                .setParameter("n", config.timerBatchSize()).getResultList();
        Set<Long> tickets = new LinkedHashSet<>();
        Instant now = Instant.now();
        for (Object[] row : due) {
            tickets.add(((Number) row[0]).longValue());
            lateness.record(Duration.between(EscalationEngine.toInstant(row[1]), now));
        }
        List<TicketEscalationEntity> locked = locks.tryLockAll(tickets);
        if (locked.size() < tickets.size()) {
            Set<Long> missing = new LinkedHashSet<>(tickets);
            locked.forEach(t -> missing.remove(t.ticketId));
            @SuppressWarnings("unchecked")
            List<Number> busy = em.createNativeQuery("select ticket_id from ticket_escalation where ticket_id = any(cast(:ids as bigint[]))")
                    .setParameter("ids", TicketLocks.idArray(missing)).getResultList();
            busy.forEach(id -> missing.remove(id.longValue()));
            if (!missing.isEmpty()) { // tickets deleted since: their timers go
                em.createNativeQuery("delete from timer where ticket_id = any(cast(:ids as bigint[]))")
                        .setParameter("ids", TicketLocks.idArray(missing)).executeUpdate();
            }
            if (locked.isEmpty() && missing.isEmpty()) {
                return 0; // all busy: their writers recompute them; try again on the next round
            }
        }
        engine.evaluateAll(locked, Instant.now(), new DbSettingsSource(calendars));
        return due.size();
    }

    /** H3 sweep: tickets whose earliest unsignalled due time passed without their timer firing. */
    @Scheduled(every = "${relaydesk.runtime.sweep-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        String owned = partitions();
        if (owned == null) {
            return;
        }
        try {
            int queued = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "insert into timer (ticket_id, kind, fire_at, kafka_partition) "
                            + "select ticket_id, 'SWEEP', now(), kafka_partition from ticket_escalation t "
                            + "where signal_due_at <= now() - interval '5 seconds' and not closed and kafka_partition in ("
                            + owned + ") on conflict (ticket_id, kind) do nothing")
                    .executeUpdate());
            if (queued > 0) {
                LOG.infof("sweep: %d tickets with a passed due time re-queued", queued);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "sweep failed");
        }
    }

    /** Forgets processed event ids after the retention (far beyond Kafka's redelivery window). */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeProcessedEvents() {
        try {
            int purged = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "delete from processed_event where processed_at < now() - make_interval(secs => :s)")
                    .setParameter("s", (double) config.processedEventRetention().toSeconds()).executeUpdate());
            if (purged > 0) {
                LOG.infof("purged %d processed event ids", purged);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "purging processed event ids failed");
        }
    }

    private String partitions() {
        Integer[] owned = ownership.owned();
        if (owned.length == 0) {
            return null;
        }
        return Arrays.stream(owned).map(String::valueOf).collect(Collectors.joining(","));
    }
}
