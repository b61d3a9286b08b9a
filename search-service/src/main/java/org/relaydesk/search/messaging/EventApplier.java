package org.relaydesk.search.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.search.service.TicketIndex;

/** Applies one event in one transaction, exactly once per event id. */
@ApplicationScoped
public class EventApplier {

    @Inject
    ProcessedEvents processed;

    @Inject
    TicketIndex index;

    @Transactional
    public void apply(EventEnvelope event) {
        if (processed.firstTime(event)) {
            index.apply(event);
        }
    }
}
