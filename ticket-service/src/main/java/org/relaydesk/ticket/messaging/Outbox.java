package org.relaydesk.ticket.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.Json;
import org.relaydesk.contracts.Topics;
import org.relaydesk.ticket.rest.RequestIds;

/**
 * Writes ticket events into the outbox within the caller's transaction. Never publishes directly:
 * {@link OutboxRelay} does that after commit, so a rolled-back change never leaks an event.
 */
@ApplicationScoped
public class Outbox {

    /** Fired after the transaction that wrote outbox rows commits, to wake the relay at once. */
    public record Written() {
    }

    static final String SOURCE = "ticket-service";
    static final int PAYLOAD_VERSION = 1;

    @Inject
    Event<Written> written;

    /** Appends a {@code ticket.events} event for the given ticket; must run inside a transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope ticketEvent(long ticketId, String type, Object payload) {
        return append(Topics.TICKET_EVENTS, "ticket", Long.toString(ticketId), type, payload);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(String topic, String aggregateType, String aggregateId, String type, Object payload) {
        JsonNode body = Json.MAPPER.valueToTree(payload);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, aggregateType, aggregateId,
                Instant.now(), PAYLOAD_VERSION, SOURCE, RequestIds.current(), body);
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.id();
        row.topic = topic;
        row.aggregateId = aggregateId;
        row.eventType = type;
        row.envelope = Json.write(envelope);
        row.createdAt = envelope.occurredAt();
        row.persist();
        written.fire(new Written());
        return envelope;
    }
}
