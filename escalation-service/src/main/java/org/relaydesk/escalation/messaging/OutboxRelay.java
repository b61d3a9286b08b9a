package org.relaydesk.escalation.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import org.relaydesk.escalation.config.RuntimeConfig;

/**
 * Publishes outbox rows to {@code escalation.events} in commit order (key = ticket id), then deletes
 * them.
 *
 * <p>One relay at a time across instances (PostgreSQL advisory lock); woken after each commit that
 * wrote rows, otherwise polling. The relay owns its Kafka producer (idempotent, acks=all), as
 * ticket-service's relay does: when a batch is not acknowledged in time the producer is closed at
 * once, which discards every record it still holds, and the batch is sent again in order from the
 * outbox by a new producer after a backoff. So nothing of an older attempt is sent after a newer
 * one, and consumers that skip event ids they have seen get every ticket's events in order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "escrelay" in ASCII. */
    private static final long LOCK_KEY = 0x65736372656c6179L;
    private static final Duration RETRY_MIN = Duration.ofMillis(200);

    @Inject
    EntityManager em;

    @Inject
    RuntimeConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile boolean running;
    private volatile Thread worker;
    private Producer<String, String> producer;

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
            try {
                t.join(config.outboxSendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
        Duration backoff = RETRY_MIN;
        while (running) {
            try {
                int sent = relayBatch();
                backoff = RETRY_MIN;
                if (sent == 0) {
                    LockSupport.parkNanos(config.outboxPollInterval().toNanos());
                }
            } catch (Exception e) {
                discardProducer();
                LOG.warnf("outbox relay: publishing failed, retrying in %s: %s", backoff, rootMessage(e));
                LockSupport.parkNanos(backoff.toNanos());
                Duration next = backoff.multipliedBy(2);
                backoff = next.compareTo(config.outboxRetryMax()) > 0 ? config.outboxRetryMax() : next;
            }
        }
        discardProducer();
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
                            "select seq, topic, aggregate_id, envelope from outbox_event order by seq")
                    .setMaxResults(config.outboxBatchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            publish(rows);
            long lastSeq = ((Number) rows.get(rows.size() - 1)[0]).longValue();
            em.createNativeQuery("delete from outbox_event where seq <= :last").setParameter("last", lastSeq)
                    .executeUpdate();
            return rows.size();
        });
    }

    /** Sends the rows (seq, topic, key, envelope) in order and waits until Kafka acknowledged all of them. */
    private void publish(List<Object[]> rows) throws Exception {
        Producer<String, String> p = producer();
        List<Future<?>> acks = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            acks.add(p.send(new ProducerRecord<>((String) row[1], (String) row[2], (String) row[3])));
        }
        long deadline = System.nanoTime() + config.outboxSendTimeout().toNanos();
        for (Future<?> ack : acks) {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "escalation-service-outbox");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
            int timeout = (int) config.outboxSendTimeout().toMillis();
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
                LOG.debugf("outbox relay: closing the producer: %s", e.getMessage());
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
