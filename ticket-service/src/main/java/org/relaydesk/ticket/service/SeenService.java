package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.ticket.ArticleSeen;
import org.relaydesk.ticket.Ticket;
import org.relaydesk.ticket.repository.ArticleRepository;
import org.relaydesk.ticket.repository.SeenRepository;

/**
 * Per-agent seen flags. They are the agent's own bookkeeping, not a change of the ticket: no
 * history line, no new version, but an {@code ArticleSeen} event per article whose flag changed.
 * Seeing every article marks the ticket seen; unseeing one marks it unseen.
 */
@ApplicationScoped
public class SeenService {

    @Inject
    TicketLoader loader;
    @Inject
    SeenRepository seen;
    @Inject
    ArticleRepository articles;
    @Inject
    TicketJournal journal;

    @Transactional
    public void ticket(Actor a, long ticketId, boolean flag) {
        Ticket t = loader.forRead(a, ticketId);
        Instant now = Instant.now();
        List<Long> ids = articles.idsOfTicket(t.id);
        for (Long articleId : ids) {
            boolean changed = flag ? seen.markArticle(articleId, a.username(), now) : seen.unmarkArticle(articleId, a.username());
            if (changed) {
                journal.publish(t, EventTypes.ARTICLE_SEEN, new ArticleSeen(t.id, articleId, a.username(), flag));
            }
        }
        if (flag) {
            seen.markTicket(t.id, a.username(), now);
        } else {
            seen.unmarkTicket(t.id, a.username());
        }
    }

    @Transactional
    public void article(Actor a, long ticketId, long articleId, boolean flag) {
        Ticket t = loader.forRead(a, ticketId);
        articles.ofTicket(ticketId, articleId).orElseThrow(() -> ProblemException.notFound("article", articleId));
        Instant now = Instant.now();
        boolean changed = flag ? seen.markArticle(articleId, a.username(), now) : seen.unmarkArticle(articleId, a.username());
        if (changed) {
            journal.publish(t, EventTypes.ARTICLE_SEEN, new ArticleSeen(t.id, articleId, a.username(), flag));
        }
        if (!flag) {
            seen.unmarkTicket(t.id, a.username());
        } else if (seen.seenArticles(t.id, a.username()).size() == articles.idsOfTicket(t.id).size()) {
            seen.markTicket(t.id, a.username(), now);
        }
    }
}
