package org.relaydesk.ticket.messaging;

import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.relaydesk.ticket.config.OutboxConfig;

/**
 * Publishes outbox rows to Kafka in commit order, then deletes them.
 *
 * <p>One relay thread per instance; a PostgreSQL advisory lock makes sure only one instance
 * relays at a time. The thread wakes at once after a commit that wrote events (and otherwise
 * polls). The relay owns its Kafka producer (idempotent, acks=all): when a batch is not
 * acknowledged in time the producer is closed at once, which discards every record it still
 * holds, and the batch is sent again in order from the outbox by a new producer after a backoff.
 * So nothing of an older attempt can reach the broker after a newer one, and per partition the
 * log holds at most an in-order prefix of the failed attempt followed by the whole batch: consumers
 * that skip event ids they have seen get every ticket's events in order.
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
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile boolean running;
    private volatile Thread worker;
    private final AtomicLong backlog = new AtomicLong();
    private Producer<String, String> producer;

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
        Thread t = worker;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(config.sendTimeout().toMillis());
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
        Duration backoff = config.retryMin();
        while (running) {
            try {
                int sent = relayBatch();
                backoff = config.retryMin();
                if (sent == 0) {
                    LockSupport.parkNanos(config.pollInterval().toNanos());
                }
            } catch (Exception e) {
                discardProducer();
                LOG.warnf("outbox relay: publishing failed, retrying in %s: %s", backoff, rootMessage(e));
                LockSupport.parkNanos(backoff.toNanos());
                backoff = backoff.multipliedBy(2).compareTo(config.retryMax()) > 0 ? config.retryMax() : backoff.multipliedBy(2);
            }
        }
        discardProducer();
    }

    /** Publishes up to one batch; returns how many events went out. */
    int relayBatch() {
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
            publish(rows);
            long lastSeq = rows.get(rows.size() - 1).seq;
            em.createQuery("delete from OutboxEvent where seq <= :last").setParameter("last", lastSeq).executeUpdate();
            backlog.set(Math.max(0, backlog.get() - rows.size()));
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
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (Future<?> ack : acks) {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "ticket-service-outbox");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
            int timeout = (int) config.sendTimeout().toMillis();
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
