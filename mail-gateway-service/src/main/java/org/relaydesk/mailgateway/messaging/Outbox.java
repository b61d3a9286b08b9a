package org.relaydesk.mailgateway.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.Json;

/**
 * Writes events into the outbox table inside the caller's transaction, so an event exists if and
 * only if its change committed; {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class Outbox {

    /** Fired for every written event; the relay wakes after the commit. */
    public record Written(UUID eventId) {
    }

    @Inject
    Event<Written> written;

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope write(String topic, String aggregateType, String aggregateId, String type, Object payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, aggregateType, aggregateId, Instant.now(), 1,
                "mail-gateway-service", null, Json.MAPPER.valueToTree(payload));
        OutboxEvent row = new OutboxEvent();
        row.id = envelope.id();
        row.topic = topic;
        row.aggregateId = aggregateId;
        row.envelope = Json.write(envelope);
        row.createdAt = envelope.occurredAt();
        row.persist();
        written.fire(new Written(envelope.id()));
        return envelope;
    }
}
