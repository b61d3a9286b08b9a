package org.relaydesk.search.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.relaydesk.contracts.EventEnvelope;

/** Records handled event ids so a redelivered event is applied once. */
@ApplicationScoped
public class ProcessedEvents {

    private static final String INSERT = "insert into processed_event (event_id, event_type) "
            + "select * from unnest(?::uuid[], ?::varchar[]) on conflict (event_id) do nothing returning event_id";

    @Inject
    EntityManager em;

    /**
     * Records the ids of these events in the current transaction with one statement and returns the
     * events seen for the first time, in their order (an id repeated within the list counts once).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> firstTime(List<EventEnvelope> events) {
        Map<UUID, EventEnvelope> distinct = new LinkedHashMap<>();
        events.forEach(e -> distinct.putIfAbsent(e.id(), e));
        if (distinct.isEmpty()) {
            return List.of();
        }
        String[] ids = new String[distinct.size()];
        String[] types = new String[distinct.size()];
        int i = 0;
        for (EventEnvelope e : distinct.values()) {
            ids[i] = e.id().toString();
            types[i++] = e.type();
        }
        Set<UUID> inserted = em.unwrap(Session.class).doReturningWork(c -> {
            Set<UUID> result = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setArray(1, c.createArrayOf("text", ids));
                ps.setArray(2, c.createArrayOf("text", types));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return result;
        });
        List<EventEnvelope> fresh = new ArrayList<>(inserted.size());
        distinct.values().stream().filter(e -> inserted.contains(e.id())).forEach(fresh::add);
        return fresh;
    }
}
