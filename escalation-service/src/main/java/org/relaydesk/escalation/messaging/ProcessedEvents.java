package org.relaydesk.escalation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.relaydesk.contracts.EventEnvelope;

/** Records handled event ids (V1 {@code processed_event}) so that a redelivered event is applied once. */
@ApplicationScoped
public class ProcessedEvents {

    private static final String INSERT = "insert into processed_event (event_id, event_type) "
            + "select * from unnest(?::uuid[], ?::varchar[]) on conflict (event_id) do nothing returning event_id";

    @Inject
    EntityManager em;

    /**
     * Records the ids of these events in the current transaction, with one statement, and returns
     * those recorded now: the events not handled before (an id repeated in the list counts once); a set
     * of the caller's own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstTime(List<EventEnvelope> events) {
        Map<UUID, String> types = new LinkedHashMap<>();
        events.forEach(e -> types.putIfAbsent(e.id(), e.type()));
        Set<UUID> fresh = new HashSet<>();
        if (types.isEmpty()) {
            return fresh;
        }
        String[] ids = types.keySet().stream().map(UUID::toString).toArray(String[]::new);
        String[] names = types.values().toArray(String[]::new);
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setArray(1, c.createArrayOf("text", ids));
                ps.setArray(2, c.createArrayOf("text", names));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        fresh.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        });
        return fresh;
    }
}
