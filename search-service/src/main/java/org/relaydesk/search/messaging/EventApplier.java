package org.relaydesk.search.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.search.service.Es;
import org.relaydesk.search.service.Indices;
import org.relaydesk.search.service.QueuePermissions;
import org.relaydesk.search.service.TicketIndex;

/** Applies one event in one transaction, exactly once per event id. */
@ApplicationScoped
public class EventApplier {

    private static final Logger LOG = Logger.getLogger(EventApplier.class);

    @Inject
    Indices indices;

    @Inject
    ProcessedEvents processed;

    @Inject
    TicketIndex index;

    @Inject
    QueuePermissions permissions;

    @Transactional
    public void apply(EventEnvelope event) {
        if (!processed.firstTime(event)) {
            return;
        }
        if (event.payload() != null) {
            // a queue the permission model has not seen yet (created since the last refresh)
            permissions.noteQueue(event.payload().path("queueId").asLong(0));
            permissions.noteQueue(event.payload().path("newQueueId").asLong(0));
        }
        try {
            index.apply(event);
        } catch (Es.Rejected e) {
            if (e.status == 404) {
                // an index or alias is gone (e.g. deleted by hand): recreate it and retry the event
                indices.ensure();
                throw e;
            }
            // Elasticsearch refuses this document for good: retrying would stall the partition
            LOG.errorf("event %s (%s) of ticket %s rejected by Elasticsearch, skipped: %s",
                    event.id(), event.type(), event.aggregateId(), e.getMessage());
        } catch (IllegalArgumentException e) {
            LOG.errorf("event %s (%s) has a payload this version cannot read, skipped: %s",
                    event.id(), event.type(), e.getMessage());
        }
    }
}
