package org.relaydesk.notification.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.relaydesk.notification.config.NotificationConfig;

/**
 * Publishes due outbox rows to Kafka in {@code seq} order, then deletes them.
 *
 * <p>Rows with a {@code release_at} in the future are held mails (escalations and reminders outside
 * business hours): the poll releases them once the injected clock passes that instant. A PostgreSQL
 * advisory lock lets only one instance relay at a time. The relay owns its Kafka producer
 * (idempotent, acks=all), as ticket-service's relay does: when a batch is not acknowledged in time
 * the producer is closed at once, which discards every record it still holds, and the batch is sent
 * again in order from the outbox by a new producer after a backoff. So nothing of an older attempt
 * is sent after a newer one; the mail-gateway deduplicates on the event id, so the part of a failed
 * batch that did go out does no harm.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "nrelay" in ASCII. */
    private static final long LOCK_KEY = 0x6e72656c6179L;
    private static final Duration RETRY_MIN = Duration.ofMillis(200);

    @Inject
    EntityManager em;

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile boolean running;
    private volatile Thread worker;
    private Producer<String, String> producer;

    void start(@Observes StartupEvent event) {
        running = true;
        Thread thread = new Thread(this::loop, "notification-outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = worker;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(config.outbox().sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Wakes the relay (after a commit that wrote mails). */
    public void wake() {
        Thread t = worker;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void loop() {
        Duration backoff = RETRY_MIN;
        while (running) {
            try {
                int sent = relayBatch();
                backoff = RETRY_MIN;
                if (sent == 0) {
                    LockSupport.parkNanos(config.outbox().pollInterval().toNanos());
                }
            } catch (Exception e) {
                discardProducer();
                LOG.warnf("mail outbox: publishing failed, retrying in %s: %s", backoff, rootMessage(e));
                LockSupport.parkNanos(backoff.toNanos());
                Duration next = backoff.multipliedBy(2);
                backoff = next.compareTo(config.outbox().retryMax()) > 0 ? config.outbox().retryMax() : next;
            }
        }
        discardProducer();
    }

    /** Publishes up to one batch of due rows; returns how many went out. */
    int relayBatch() {
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
            publish(rows);
            // by seq, not "seq <= last": held rows between them stay
            List<Long> seqs = rows.stream().map(row -> row.seq).toList();
            em.createQuery("delete from OutboxEvent where seq in :seqs").setParameter("seqs", seqs).executeUpdate();
            return rows.size();
        });
    }

    /** Sends the rows in order and waits until Kafka acknowledged all of them. */
    private void publish(List<OutboxEvent> rows) throws Exception {
        Producer<String, String> p = producer();
        List<Future<?>> acks = new ArrayList<>(rows.size());
        for (OutboxEvent row : rows) {
            acks.add(p.send(new ProducerRecord<>(row.topic, row.aggregateId, row.envelope)));
        }
        long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
        for (Future<?> ack : acks) {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "notification-service-outbox");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
            int timeout = (int) config.outbox().sendTimeout().toMillis();
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeout / 2));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout + 2 + Math.max(1000, timeout / 2));
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** Closes the producer without waiting: records it still holds are dropped, never sent late. */
    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debugf("mail outbox: closing the producer: %s", e.getMessage());
            }
            producer = null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
