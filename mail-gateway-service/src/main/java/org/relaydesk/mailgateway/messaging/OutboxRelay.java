package org.relaydesk.mailgateway.messaging;

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

/**
 * Publishes the outbox in order ({@code mail.delivery}, {@code mail.quarantine}) and deletes what
 * Kafka acknowledged. One relay at a time across instances (a PostgreSQL advisory lock); it wakes
 * right after a commit that wrote events and otherwise polls every second. While Kafka is down the
 * rows wait and the relay backs off; consumers deduplicate on the event id, so a batch that is
 * sent twice after a failure does no harm.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "mgwrelay". */
    private static final long LOCK_KEY = 0x6d6777_72656c61L;
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration BACKOFF_MAX = Duration.ofSeconds(30);
    private static final int BATCH = 200;

    @Inject
    EntityManager em;

    @Inject
    @Channel("mail-events-out")
    Emitter<String> emitter;

    private volatile boolean running;
    private volatile Thread worker;

    void start(@Observes StartupEvent event) {
        running = true;
        Thread thread = new Thread(this::loop, "mail-outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        wake();
    }

    private void wake() {
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
                    LockSupport.parkNanos(POLL.toNanos());
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("outbox relay: publishing failed, retrying in %s: %s", backoff, e.getMessage());
                LockSupport.parkNanos(backoff.toNanos());
                backoff = backoff.multipliedBy(2).compareTo(BACKOFF_MAX) > 0 ? BACKOFF_MAX : backoff.multipliedBy(2);
            }
        }
    }

    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:k)")
                    .setParameter("k", LOCK_KEY).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<OutboxEvent> rows = em.createQuery("from OutboxEvent order by seq", OutboxEvent.class)
                    .setMaxResults(BATCH).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
            for (OutboxEvent row : rows) {
                acks.add(send(row));
            }
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not acknowledge the batch: " + e, e);
            }
            em.createQuery("delete from OutboxEvent where seq <= :last")
                    .setParameter("last", rows.get(rows.size() - 1).seq).executeUpdate();
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
