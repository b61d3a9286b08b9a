package org.relaydesk.mailgateway.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** The ids of consumed events, recorded in the transaction of their effect (idempotent consumers). */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /** Records the event; false when it was processed before (then the caller does nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(UUID eventId, String type) {
        return em.createNativeQuery("""
                insert into processed_event (event_id, event_type, processed_at) values (:id, :type, now())
                on conflict (event_id) do nothing
                """).setParameter("id", eventId).setParameter("type", type).executeUpdate() == 1;
    }
}
