package org.relaydesk.ticket.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.ticket.DeliveryStatus;
import org.relaydesk.ticket.service.SystemActions;

/**
 * Applies one consumed event in one transaction, exactly once per event id: escalation actions
 * ({@code AutoUnlockDue}, {@code PendingAutoCloseDue}, {@code TicketEscalated},
 * {@code EscalationStopped}) and mail delivery results.
 */
@ApplicationScoped
public class InboundEventApplier {

    private static final Logger LOG = Logger.getLogger(InboundEventApplier.class);

    @Inject
    ProcessedEvents processed;
    @Inject
    SystemActions actions;

    @Transactional
    public void escalation(EventEnvelope event) {
        if (!processed.firstTime(event)) {
            return;
        }
        JsonNode p = event.payload();
        long ticketId = p != null && p.hasNonNull("ticketId") ? p.get("ticketId").asLong() : parseId(event.aggregateId());
        switch (event.type()) {
            case EventTypes.AUTO_UNLOCK_DUE -> actions.autoUnlock(ticketId);
            case EventTypes.PENDING_AUTO_CLOSE_DUE -> actions.pendingAutoClose(ticketId);
            case EventTypes.TICKET_ESCALATED -> actions.escalated(ticketId, true, text(p, "kind"));
            // another clock of the ticket may still be escalated: keep the flag then
            case EventTypes.ESCALATION_STOPPED -> {
                if (p.path("stillEscalated").isEmpty()) {
                    actions.escalated(ticketId, false, null);
                }
            }
            default -> {
                // warnings, reminders: other services act on them
            }
        }
    }

    @Transactional
    public void delivery(EventEnvelope event) {
        if (!processed.firstTime(event)) {
            return;
        }
        JsonNode p = event.payload();
        if (p == null || !p.hasNonNull("articleId") || !p.hasNonNull("status")) {
            LOG.warnf("delivery result %s without articleId/status ignored", event.id());
            return;
        }
        DeliveryStatus status;
        try {
            status = DeliveryStatus.of(p.get("status").asText());
        } catch (IllegalArgumentException e) {
            LOG.warnf("delivery result %s with unknown status ignored", event.id());
            return;
        }
        actions.delivery(p.get("articleId").asLong(), status, text(p, "detail"));
    }

    private static String text(JsonNode p, String field) {
        return p != null && p.hasNonNull(field) ? p.get(field).asText() : null;
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
