package org.relaydesk.notification.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
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
import org.relaydesk.notification.config.NotificationConfig;

/**
 * Publishes due outbox rows to Kafka, then deletes them. Rows with a {@code release_at} in the
 * future are held mails (escalations and reminders outside business hours): the poll releases
 * them once the injected clock passes that instant. A PostgreSQL advisory lock lets only one
 * instance relay at a time. When Kafka is down the rows stay and are retried with backoff.
 */
@ApplicationScoped
public class OutboxRelay {

    /** False after a failed publish until Kafka acknowledged an event again. */
    private volatile boolean brokerConfirmed;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "nrelay" in ASCII. */
    private static final long LOCK_KEY = 0x6e72656c6179L;

    @Inject
    EntityManager em;

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    @Inject
    @Channel("mail-outbound-out")
    Emitter<String> emitter;

    private volatile boolean running;
    private volatile Thread worker;

    void start(@Observes StartupEvent event) {
        running = true;
        Thread thread = new Thread(this::loop, "notification-outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
    }

    /** Wakes the relay (after a commit that wrote mails). */
    public void wake() {
        Thread t = worker;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try {
                int sent = relayBatch();
                backoff = Duration.ofMillis(200);
                if (sent == 0) {
                    LockSupport.parkNanos(config.outbox().pollInterval().toNanos());
                }
            } catch (Exception e) {
                LOG.warnf("mail outbox: publishing failed, retrying in %s: %s", backoff, e.getMessage());
                LockSupport.parkNanos(backoff.toNanos());
                Duration next = backoff.multipliedBy(2);
                backoff = next.compareTo(config.outbox().retryMax()) > 0 ? config.outbox().retryMax() : next;
            }
        }
    }

    /** Publishes up to one batch of due rows; returns how many went out. */
    int relayBatch() throws Exception {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:k)")
                    .setParameter("k", LOCK_KEY).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<OutboxEvent> rows = em.createQuery(
                            "from OutboxEvent where releaseAt is null or releaseAt <= :now order by seq", OutboxEvent.class)
                    .setParameter("now", clock.instant())
                    .setMaxResults(config.outbox().batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
            List<Long> seqs = new ArrayList<>(rows.size());
            try {
                for (OutboxEvent row : rows) {
                    seqs.add(row.seq);
                    if (!brokerConfirmed && acks.isEmpty()) {
                        // after a failure the first event goes alone, so no later event overtakes it
                        send(row).get(config.outbox().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                        acks.add(CompletableFuture.completedFuture(null));
                    } else {
                        acks.add(send(row));
                    }
                }
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                        .get(config.outbox().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                brokerConfirmed = true;
            } catch (Exception e) {
                // Keep the rows: the mail-gateway deduplicates on the event id.
                brokerConfirmed = false;
                throw new IllegalStateException("Kafka did not acknowledge the batch: " + e.getMessage(), e);
            }
            em.createQuery("delete from OutboxEvent where seq in :seqs").setParameter("seqs", seqs).executeUpdate();
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
}
