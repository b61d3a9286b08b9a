package org.relaydesk.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The versioned envelope every RelayDesk event travels in, on every topic.
 *
 * <p>{@code id} is unique per event and is what consumers deduplicate on; {@code aggregateId} is
 * also the Kafka record key, so all events of one aggregate (one ticket) stay in order on one
 * partition. {@code version} is the schema version of {@code payload} for this {@code type}.
 *
 * @param id            unique event id (consumers record it to stay idempotent)
 * @param type          event type in the past tense, e.g. {@code TicketCreated}
 * @param aggregateType aggregate kind, e.g. {@code ticket}
 * @param aggregateId   the aggregate's id; also the Kafka key
 * @param occurredAt    when the change was committed
 * @param version       payload schema version
 * @param source        the publishing service
 * @param requestId     request id of the call that caused the event, if any (for tracing)
 * @param payload       the contract payload, see {@link EventTypes}
 */
public record EventEnvelope(
        UUID id,
        String type,
        String aggregateType,
        String aggregateId,
        Instant occurredAt,
        int version,
        String source,
        String requestId,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** Reads the payload as the given contract type. */
    public <T> T payloadAs(Class<T> type) {
        return Json.MAPPER.convertValue(payload, type);
    }
}
