package org.relaydesk.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.Json;

/**
 * Publishes events to the real broker the way a RelayDesk service does (envelope, key = aggregate
 * id), for testing a consumer on its own.
 */
public final class TopicPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    private TopicPublisher() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA_BOOTSTRAP);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    public static TopicPublisher open() {
        return new TopicPublisher();
    }

    /** Wraps the payload in a new envelope, publishes it and waits for the broker's ack. */
    public EventEnvelope publish(String topic, String aggregateType, String aggregateId, String type, Object payload) {
        JsonNode body = Json.MAPPER.valueToTree(payload);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, aggregateType, aggregateId,
                Instant.now(), 1, "test", null, body);
        publish(topic, envelope);
        return envelope;
    }

    /** Publishes an envelope as it is (e.g. the same one twice, to test idempotency). */
    public void publish(String topic, EventEnvelope envelope) {
        try {
            producer.send(new ProducerRecord<>(topic, envelope.aggregateId(), Json.write(envelope)))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the event: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
