package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.relaydesk.ticket.ArticleKind;
import org.relaydesk.ticket.api.ArticleRequest;
import org.relaydesk.ticket.api.Requests;
import org.relaydesk.ticket.api.TicketView;

/**
 * The same actions on many tickets (lock, state, move, owner, priority, note, unlock, seen), in
 * one transaction: either every ticket gets every action or none does. Tickets are handled in
 * id order so two bulk runs never deadlock.
 */
@ApplicationScoped
public class BulkService {

    @Inject
    TicketService tickets;
    @Inject
    ArticleService articles;
    @Inject
    SeenService seen;
    @Inject
    TicketQueries queries;

    @Transactional
    public List<TicketView> apply(Actor a, Requests.Bulk r) {
        List<TicketView> result = new ArrayList<>();
        for (Long id : new TreeSet<>(r.ticketIds())) {
            try {
                apply(a, id, r);
            } catch (ProblemException e) {
                throw new ProblemException(e.status(), e.type(), e.title(), "ticket " + id + ": " + e.getMessage(), e.errors());
            }
            result.add(queries.get(a, id, false));
        }
        return result;
    }

    private void apply(Actor a, long id, Requests.Bulk r) {
        if (Boolean.TRUE.equals(r.lock())) {
            tickets.lock(a, id, null);
        }
        if (r.state() != null) {
            tickets.state(a, id, null, new Requests.State(r.state(), r.pendingUntil(), null));
        }
        if (r.queueId() != null) {
            tickets.move(a, id, null, new Requests.Move(r.queueId(), null, null));
        }
        if (r.owner() != null) {
            tickets.owner(a, id, null, new Requests.Owner(r.owner()));
        }
        if (r.priority() != null) {
            tickets.priority(a, id, null, new Requests.Priority(r.priority()));
        }
        if (r.note() != null) {
            articles.add(a, id, null, new ArticleRequest(ArticleKind.NOTE, null, false, null, null, null, null,
                    r.note().subject(), r.note().body(), null, null, null, null, null, null, null, null, null, null, null));
        }
        if (Boolean.FALSE.equals(r.lock())) {
            tickets.unlock(a, id, null);
        }
        if (r.seen() != null) {
            seen.ticket(a, id, r.seen());
        }
    }
}
