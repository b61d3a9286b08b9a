package org.relaydesk.search.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.ticket.ArticleAdded;
import org.relaydesk.contracts.ticket.TicketDeleted;
import org.relaydesk.contracts.ticket.TicketMerged;
import org.relaydesk.search.config.SearchConfig;
import org.relaydesk.search.service.AttachmentTexts;
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

    @Inject
    AttachmentTexts attachments;

    @Inject
    SearchConfig config;

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
        if (config.attachments().enabled()) {
            attachmentWork(fresh);
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

    /**
     * In the batch's transaction: articles with attachments are recorded for text extraction (so none
     * is lost), a merge moves the recorded work and text to the target ticket, a deletion drops them.
     */
    private void attachmentWork(List<EventEnvelope> events) {
        Map<Long, Long> articles = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            try {
                switch (event.type()) {
                    case EventTypes.ARTICLE_ADDED -> {
                        ArticleAdded a = event.payloadAs(ArticleAdded.class);
                        if (a.attachmentNames() != null && !a.attachmentNames().isEmpty()) {
                            articles.put(a.articleId(), a.ticketId());
                        }
                    }
                    case EventTypes.TICKET_MERGED -> {
                        attachments.enqueue(articles);
                        articles.clear();
                        TicketMerged m = event.payloadAs(TicketMerged.class);
                        attachments.moved(m.articleIds(), m.targetTicketId());
                    }
                    case EventTypes.TICKET_DELETED -> {
                        attachments.enqueue(articles);
                        articles.clear();
                        attachments.ticketDeleted(event.payloadAs(TicketDeleted.class).ticketId());
                    }
                    default -> {
                        // nothing to extract
                    }
                }
            } catch (IllegalArgumentException e) {
                // an unreadable payload: the index skips it as well
            }
        }
        attachments.enqueue(articles);
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
