package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.ticket.ArticleDeliveryChanged;
import org.relaydesk.ticket.Article;
import org.relaydesk.ticket.DeliveryStatus;
import org.relaydesk.ticket.StateType;
import org.relaydesk.ticket.Ticket;
import org.relaydesk.ticket.TicketState;
import org.relaydesk.ticket.repository.ArticleRepository;
import org.relaydesk.ticket.repository.TicketRepository;
import org.relaydesk.ticket.repository.TicketStateRepository;

/**
 * What other services ask of tickets: unlock after the queue's unlock timeout, close after a
 * pending auto-close time, escalation flags, delivery results of outbound mail. Runs as the
 * system actor inside the consumer's transaction; stale requests (the ticket moved on) are no-ops.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SystemActions {

    private static final Logger LOG = Logger.getLogger(SystemActions.class);

    @Inject
    TicketRepository tickets;
    @Inject
    ArticleRepository articles;
    @Inject
    TicketStateRepository states;
    @Inject
    TicketMutations mutations;
    @Inject
    TicketJournal journal;
    @Inject
    Lookups lookups;

    public void autoUnlock(long ticketId) {
        ticket(ticketId).filter(t -> t.locked).ifPresent(t -> {
            mutations.unlock(t, Actor.SYSTEM, "timeout");
            t.touch(Actor.SYSTEM_NAME, Instant.now());
        });
    }

    /** Closes a ticket whose pending auto-close time has passed: + successful, - unsuccessful. */
    public void pendingAutoClose(long ticketId) {
        ticket(ticketId).ifPresent(t -> {
            TicketState state = lookups.state(t.stateId);
            if (t.pendingUntil == null || t.pendingUntil.isAfter(Instant.now())) {
                return;
            }
            StateType target = state.type == StateType.PENDING_AUTO_CLOSE_PLUS ? StateType.CLOSED_SUCCESSFUL
                    : state.type == StateType.PENDING_AUTO_CLOSE_MINUS ? StateType.CLOSED_UNSUCCESSFUL : null;
            if (target == null) {
                return;
            }
            TicketState closed = states.firstOfType(target).orElseThrow();
            mutations.changeState(t, Actor.SYSTEM, closed, null);
            t.touch(Actor.SYSTEM_NAME, Instant.now());
        });
    }

    public void escalated(long ticketId, boolean escalated, String detail) {
        ticket(ticketId).filter(t -> t.escalated != escalated).ifPresent(t -> {
            t.escalated = escalated;
            journal.history(t, Actor.SYSTEM, escalated ? "Escalation" : "EscalationStopped", !escalated, escalated,
                    escalated ? "Ticket escalated" + (detail == null ? "." : ": " + detail + ".") : "Escalation stopped.");
            t.touch(Actor.SYSTEM_NAME, Instant.now());
        });
    }

    public void delivery(long articleId, DeliveryStatus status, String detail) {
        Optional<Article> found = articles.findByIdOptional(articleId);
        if (found.isEmpty() || !found.get().outbound) {
            LOG.warnf("delivery result for unknown or inbound article %d ignored", articleId);
            return;
        }
        Article a = found.get();
        if (a.deliveryStatus == status && java.util.Objects.equals(a.deliveryDetail, detail)) {
            return;
        }
        Ticket t = tickets.findForUpdate(a.ticketId).orElseThrow();
        a.deliveryStatus = status;
        a.deliveryDetail = detail;
        journal.history(t, Actor.SYSTEM, status == DeliveryStatus.SENT ? "ArticleDelivered" : "ArticleDeliveryFailed",
                a.id, null, status.code(), "Delivery of article " + a.id + ": " + status.code()
                        + (detail == null ? "" : " (" + detail + ")") + ".");
        journal.publish(t, EventTypes.ARTICLE_DELIVERY_CHANGED, new ArticleDeliveryChanged(t.id, a.id, status.code(), detail));
        t.touch(Actor.SYSTEM_NAME, Instant.now());
    }

    private Optional<Ticket> ticket(long id) {
        Optional<Ticket> t = tickets.findForUpdate(id);
        if (t.isEmpty()) {
            LOG.debugf("event for unknown ticket %d ignored", id);
        }
        return t;
    }
}
