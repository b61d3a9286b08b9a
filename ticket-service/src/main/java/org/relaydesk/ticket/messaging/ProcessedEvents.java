package org.relaydesk.ticket.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.relaydesk.contracts.EventEnvelope;

/** Records handled event ids so that a redelivered event is applied once. */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /** True when this event id is new (and records it in the current transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(EventEnvelope event) {
        return em.createNativeQuery("insert into processed_event (event_id, event_type) values (:id, :type) "
                        + "on conflict (event_id) do nothing")
                .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("processed_event")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .executeUpdate() == 1;
    }
}
