package org.relaydesk.escalation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.Json;
import org.relaydesk.contracts.Topics;

/**
 * Writes {@code escalation.events} into the outbox table in the caller's transaction; {@link OutboxRelay}
 * publishes them after commit (same pattern as ticket-service, never persist-then-send).
 */
@ApplicationScoped
public class Outbox {

    /** Fired when outbox rows were written, to wake the relay after commit. */
    public record Written() {
    }

    static final String SOURCE = "escalation-service";

    @Inject
    EntityManager em;

    @Inject
    Event<Written> written;

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope escalationEvent(long ticketId, String type, Object payload) {
        String key = Long.toString(ticketId);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, "ticket", key, Instant.now(), 1, SOURCE,
                null, Json.MAPPER.valueToTree(payload));
        em.createNativeQuery("insert into outbox_event (event_id, topic, aggregate_id, event_type, envelope, created_at) "
                        + "values (:id, :topic, :key, :type, :envelope, :at)")
                .setParameter("id", envelope.id())
                .setParameter("topic", Topics.ESCALATION_EVENTS)
                .setParameter("key", key)
                .setParameter("type", type)
                .setParameter("envelope", Json.write(envelope))
                .setParameter("at", envelope.occurredAt())
                .executeUpdate();
        written.fire(new Written());
        return envelope;
    }
}
