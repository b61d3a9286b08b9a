package org.relaydesk.testsupport;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.Json;

/**
 * Records the events published to a topic on the real broker from the moment it is opened, so a
 * test can assert what a service published ({@code try (var rec = TopicRecorder.open(...))}).
 */
public final class TopicRecorder implements AutoCloseable {

    private final List<EventEnvelope> events = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    private TopicRecorder(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA_BOOTSTRAP);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // pin the start before the test acts
        poller = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        events.add(Json.readEnvelope(record.value()));
                    }
                }
            }
        }, "topic-recorder-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    public static TopicRecorder open(String topic) {
        return new TopicRecorder(topic);
    }

    /** Everything recorded so far, in arrival order. */
    public List<EventEnvelope> events() {
        return List.copyOf(events);
    }

    /** Events of one aggregate, in order. */
    public List<EventEnvelope> eventsOf(String aggregateId) {
        return events.stream().filter(e -> e.aggregateId().equals(aggregateId)).toList();
    }

    /** Waits until an event matching the predicate arrived and returns it. */
    public EventEnvelope await(Predicate<EventEnvelope> match, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> events.stream().filter(match).findFirst().orElse(null), e -> e != null);
    }

    public EventEnvelope awaitType(String aggregateId, String type) {
        return await(e -> e.aggregateId().equals(aggregateId) && e.type().equals(type), Duration.ofSeconds(15));
    }

    @Override
    public void close() {
        running.set(false);
        try {
            poller.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
