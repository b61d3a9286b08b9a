package org.relaydesk.ticket.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.relaydesk.ticket.config.OutboxConfig;

/**
 * Publishes outbox rows to Kafka in commit order, then deletes them.
 *
 * <p>One relay thread per instance; a PostgreSQL advisory lock makes sure only one instance
 * relays at a time, so one ticket's events never overtake each other. The thread wakes at once
 * after a commit that wrote events (and otherwise polls). When Kafka is down the rows stay and
 * the relay retries with exponential backoff: events wait, then go out in order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "relay" in ASCII. */
    private static final long LOCK_KEY = 0x72656c6179L;

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    @Channel("ticket-events-out")
    Emitter<String> emitter;

    private volatile boolean running;
    private volatile Thread worker;
    private final AtomicLong backlog = new AtomicLong();
    /** False after a failed publish until Kafka acknowledged an event again. */
    private volatile boolean brokerConfirmed;

    void start(@Observes StartupEvent event) {
        metrics.gauge("relaydesk.outbox.backlog", backlog);
        running = true;
        Thread thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            LockSupport.unpark(worker);
        }
    }

    /** Wakes the relay right after a transaction that wrote outbox rows has committed. */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        Thread t = worker;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void loop() {
        Duration backoff = config.retryMin();
        while (running) {
            try {
                int sent = relayBatch();
                backoff = config.retryMin();
                if (sent == 0) {
                    LockSupport.parkNanos(config.pollInterval().toNanos());
                }
            } catch (Exception e) {
                LOG.warnf("outbox relay: publishing failed, retrying in %s: %s", backoff, e.getMessage());
                LockSupport.parkNanos(backoff.toNanos());
                backoff = backoff.multipliedBy(2).compareTo(config.retryMax()) > 0 ? config.retryMax() : backoff.multipliedBy(2);
            }
        }
    }

    /** Publishes up to one batch; returns how many events went out. */
    int relayBatch() throws Exception {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:k)")
                    .setParameter("k", LOCK_KEY).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<OutboxEvent> rows = em.createQuery("from OutboxEvent order by seq", OutboxEvent.class)
                    .setMaxResults(config.batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                backlog.set(0);
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
            try {
                int from = 0;
                if (!brokerConfirmed) {
                    // After a failure (or at start) the first event goes alone: only once Kafka has
                    // acknowledged it are later events sent, so a later event can never get out
                    // while an earlier one is still failing (that would reorder a ticket's events).
                    send(rows.get(0)).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    from = 1;
                }
                for (OutboxEvent row : rows.subList(from, rows.size())) {
                    acks.add(send(row));
                }
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                        .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                brokerConfirmed = true;
            } catch (Exception e) {
                // Keep every row of the batch: consumers deduplicate on the event id, so resending
                // the ones that did go out is harmless.
                brokerConfirmed = false;
                throw new IllegalStateException("Kafka did not acknowledge the batch: " + rootMessage(e), e);
            }
            long lastSeq = rows.get(rows.size() - 1).seq;
            em.createQuery("delete from OutboxEvent where seq <= :last").setParameter("last", lastSeq).executeUpdate();
            backlog.set(Math.max(0, backlog.get() - rows.size()));
            return rows.size();
        });
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Message<String> message = Message.of(row.envelope, Metadata.of(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(row.aggregateId)
                        .withTopic(row.topic)
                        .build()))
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return ack;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
