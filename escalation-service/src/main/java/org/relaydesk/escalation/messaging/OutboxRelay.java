package org.relaydesk.escalation.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.relaydesk.escalation.config.RuntimeConfig;

/**
 * Publishes outbox rows to {@code escalation.events} in commit order (key = ticket id), then deletes
 * them. One relay at a time across instances (PostgreSQL advisory lock); woken after each commit
 * that wrote rows, otherwise polling; exponential backoff while Kafka is down (rows stay).
 */
@ApplicationScoped
public class OutboxRelay {

    /** False after a failed publish until Kafka acknowledged an event again. */
    private volatile boolean brokerConfirmed;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "escrelay" in ASCII. */
    private static final long LOCK_KEY = 0x65736372656c6179L;

    @Inject
    EntityManager em;

    @Inject
    RuntimeConfig config;

    @Inject
    @Channel("escalation-events-out")
    Emitter<String> emitter;

    private volatile boolean running;
    private volatile Thread worker;

    void start(@Observes StartupEvent event) {
        running = true;
        Thread thread = new Thread(this::loop, "escalation-outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = worker;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        Thread t = worker;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void loop() {
        Duration min = Duration.ofMillis(200);
        Duration backoff = min;
        while (running) {
            try {
                int sent = relayBatch();
                backoff = min;
                if (sent == 0) {
                    LockSupport.parkNanos(config.outboxPollInterval().toNanos());
                }
            } catch (Exception e) {
                LOG.warnf("outbox relay: publishing failed, retrying in %s: %s", backoff, e.getMessage());
                LockSupport.parkNanos(backoff.toNanos());
                Duration next = backoff.multipliedBy(2);
                backoff = next.compareTo(config.outboxRetryMax()) > 0 ? config.outboxRetryMax() : next;
            }
        }
    }

    /** Publishes up to one batch; returns how many events went out. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(:k)")
                    .setParameter("k", LOCK_KEY).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "select seq, aggregate_id, envelope from outbox_event order by seq")
                    .setMaxResults(config.outboxBatchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
            try {
                int from = 0;
                if (!brokerConfirmed) {
                    // after a failure the first event goes alone, so no later event overtakes it
                    send((String) rows.get(0)[1], (String) rows.get(0)[2])
                            .get(config.outboxSendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    from = 1;
                }
                for (Object[] row : rows.subList(from, rows.size())) {
                    acks.add(send((String) row[1], (String) row[2]));
                }
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                        .get(config.outboxSendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                brokerConfirmed = true;
            } catch (Exception e) {
                // keep the whole batch: consumers deduplicate on the event id
                brokerConfirmed = false;
                throw new IllegalStateException("Kafka did not acknowledge the batch: " + e, e);
            }
            long lastSeq = ((Number) rows.get(rows.size() - 1)[0]).longValue();
            em.createNativeQuery("delete from outbox_event where seq <= :last").setParameter("last", lastSeq)
                    .executeUpdate();
            return rows.size();
        });
    }

    private CompletableFuture<Void> send(String key, String envelope) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Message<String> message = Message.of(envelope, Metadata.of(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(key)
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
}
