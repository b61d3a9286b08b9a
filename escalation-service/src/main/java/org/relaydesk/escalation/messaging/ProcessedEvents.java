package org.relaydesk.escalation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.relaydesk.contracts.EventEnvelope;

/** Records handled event ids (V1 {@code processed_event}) so that a redelivered event is applied once. */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /**
     * Records the ids of these events in the current transaction, with one statement, and returns
     * those recorded now: the events not handled before (an id repeated in the list counts once).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Set<UUID> firstTime(List<EventEnvelope> events) {
        Map<UUID, String> types = new LinkedHashMap<>();
        events.forEach(e -> types.putIfAbsent(e.id(), e.type()));
        if (types.isEmpty()) {
            return Set.of();
        }
        List<Object> inserted = em.createNativeQuery("insert into processed_event (event_id, event_type) "
                        + "select * from unnest(cast(:ids as uuid[]), cast(:types as varchar[])) "
                        + "on conflict (event_id) do nothing returning event_id")
                .setParameter("ids", arrayLiteral(types.keySet().stream().map(UUID::toString).toList()))
                .setParameter("types", arrayLiteral(types.values()))
                .getResultList();
        Set<UUID> fresh = new HashSet<>();
        inserted.forEach(id -> fresh.add(id instanceof UUID u ? u : UUID.fromString(id.toString())));
        return fresh;
    }

    /** A PostgreSQL array literal of quoted elements ({@code {"a","b"}}). */
    private static String arrayLiteral(java.util.Collection<String> values) {
        return values.stream().map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }
}
