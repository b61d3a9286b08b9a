package org.relaydesk.search.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.search.service.Es;
import org.relaydesk.search.service.Indices;
import org.relaydesk.search.service.QueuePermissions;
import org.relaydesk.search.service.TicketIndex;

/**
 * Applies a batch of events in one transaction, exactly once per event id: the ids are recorded
 * with one statement, which tells the new events from redelivered ones; the new ones are written to
 * Elasticsearch inside the transaction, so if a write fails the ids are not recorded and the whole
 * batch is applied again.
 */
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

    /** Applies the events (in their order) that were not applied before. */
    @Transactional
    public void apply(List<EventEnvelope> events) {
        List<EventEnvelope> fresh = processed.firstTime(events);
        if (fresh.isEmpty()) {
            return;
        }
        for (EventEnvelope event : fresh) {
            if (event.payload() != null) {
                // a queue the permission model has not seen yet (created since the last refresh)
                permissions.noteQueue(event.payload().path("queueId").asLong(0));
                permissions.noteQueue(event.payload().path("newQueueId").asLong(0));
            }
        }
        try {
            index.apply(fresh);
        } catch (Es.Rejected e) {
            if (e.status == 404) {
                // an index or alias is gone (e.g. deleted by hand): recreate it and retry the batch
                indices.ensure();
                throw e;
            }
            // one event's document is refused: apply them one by one (writing again what went through
            // is harmless) so that only that event is skipped
            LOG.warnf("Elasticsearch refused a write of a batch of %d events, applying them one at a time: %s",
                    fresh.size(), e.getMessage());
            fresh.forEach(this::applyAlone);
        }
    }

    private void applyAlone(EventEnvelope event) {
        try {
            index.apply(event);
        } catch (Es.Rejected e) {
            if (e.status == 404) {
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
