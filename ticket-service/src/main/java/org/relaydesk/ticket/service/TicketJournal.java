package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.relaydesk.ticket.HistoryEntry;
import org.relaydesk.ticket.Ticket;
import org.relaydesk.ticket.messaging.Outbox;

/** Writes a ticket's history lines and its events (through the outbox), in the caller's transaction. */
@ApplicationScoped
public class TicketJournal {

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void history(Ticket ticket, Actor actor, String type, Object oldValue, Object newValue, String text) {
        history(ticket, actor, type, null, oldValue, newValue, text);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void history(Ticket ticket, Actor actor, String type, Long articleId, Object oldValue, Object newValue,
            String text) {
        HistoryEntry entry = new HistoryEntry();
        entry.ticketId = ticket.id;
        entry.type = type;
        entry.articleId = articleId;
        entry.actor = actor.username();
        entry.createdAt = Instant.now();
        entry.oldValue = oldValue == null ? null : oldValue.toString();
        entry.newValue = newValue == null ? null : newValue.toString();
        entry.text = text;
        entry.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Ticket ticket, String type, Object payload) {
        outbox.ticketEvent(ticket.id, type, payload);
    }
}
