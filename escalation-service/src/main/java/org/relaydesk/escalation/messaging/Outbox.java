package org.relaydesk.escalation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.Json;
import org.relaydesk.contracts.Topics;

/**
 * Writes {@code escalation.events} into the outbox table in the caller's transaction; {@link OutboxRelay}
 * publishes them after commit (same pattern as ticket-service, never persist-then-send). A whole batch of
 * events is one multi-row insert, in the order given (the relay publishes by {@code seq}).
 */
@ApplicationScoped
public class Outbox {

    /** Fired when outbox rows were written, to wake the relay after commit. */
    public record Written() {
    }

    /** An event to write: its ticket (the Kafka key), type and payload. */
    public record Pending(long ticketId, String type, Object payload) {
    }

    static final String SOURCE = "escalation-service";

    private static final String INSERT = "insert into outbox_event (event_id, topic, aggregate_id, event_type, envelope, created_at) "
            + "select e.id, ?, e.key, e.type, e.envelope, e.at from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], "
            + "?::timestamptz[]) with ordinality as e(id, key, type, envelope, at, ord) order by e.ord";

    @Inject
    EntityManager em;

    @Inject
    Event<Written> written;

    /** Writes the events with one statement; returns their envelopes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> escalationEvents(List<Pending> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        int n = events.size();
        List<EventEnvelope> envelopes = new ArrayList<>(n);
        String[] ids = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] bodies = new String[n];
        String[] ats = new String[n];
        for (int i = 0; i < n; i++) {
            Pending p = events.get(i);
            String key = Long.toString(p.ticketId());
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), p.type(), "ticket", key, Instant.now(), 1,
                    SOURCE, null, Json.MAPPER.valueToTree(p.payload()));
            envelopes.add(envelope);
            ids[i] = envelope.id().toString();
            keys[i] = key;
            types[i] = p.type();
            bodies[i] = Json.write(envelope);
            ats[i] = envelope.occurredAt().toString();
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setString(1, Topics.ESCALATION_EVENTS);
                ps.setArray(2, c.createArrayOf("text", ids));
                ps.setArray(3, c.createArrayOf("text", keys));
                ps.setArray(4, c.createArrayOf("text", types));
                ps.setArray(5, c.createArrayOf("text", bodies));
                ps.setArray(6, c.createArrayOf("text", ats));
                ps.executeUpdate();
            }
        });
        written.fire(new Written());
        return envelopes;
    }
}
