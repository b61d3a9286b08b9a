package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.relaydesk.ticket.Article;
import org.relaydesk.ticket.Ticket;
import org.relaydesk.ticket.api.ArticleView;
import org.relaydesk.ticket.api.HistoryView;
import org.relaydesk.ticket.api.TicketPage;
import org.relaydesk.ticket.api.TicketView;
import org.relaydesk.ticket.config.TicketConfig;
import org.relaydesk.ticket.repository.ArticleRepository;
import org.relaydesk.ticket.repository.HistoryRepository;
import org.relaydesk.ticket.repository.TicketQuery;
import org.relaydesk.ticket.repository.TicketRepository;

/** Reads: one ticket with its articles, filtered and cursor-paged lists, history. */
@ApplicationScoped
public class TicketQueries {

    @Inject
    TicketLoader loader;
    @Inject
    TicketViews views;
    @Inject
    TicketRepository tickets;
    @Inject
    ArticleRepository articles;
    @Inject
    HistoryRepository history;
    @Inject
    Permissions permissions;
    @Inject
    TicketConfig config;

    @Transactional
    public TicketView get(Actor a, long id, boolean withArticles) {
        return views.view(loader.forRead(a, id), a, withArticles);
    }

    /** The ticket with this number, permission-checked like {@link #get}; 404 when there is none. */
    @Transactional
    public TicketView byNumber(Actor a, String number, boolean withArticles) {
        Ticket t = tickets.byNumber(number).orElseThrow(() -> ProblemException.notFound("ticket", number));
        return views.view(loader.forRead(a, t.id), a, withArticles);
    }

    @Transactional
    public List<ArticleView> articles(Actor a, long id) {
        loader.forRead(a, id);
        return views.articles(id, a);
    }

    @Transactional
    public ArticleView article(Actor a, long id, long articleId) {
        loader.forRead(a, id);
        Article article = articles.ofTicket(id, articleId)
                .filter(x -> !a.isCustomer() || x.visibleForCustomer)
                .orElseThrow(() -> ProblemException.notFound("article", articleId));
        return views.article(article, a);
    }

    @Transactional
    public List<HistoryView> history(Actor a, long id) {
        loader.forRead(a, id);
        return history.ofTicket(id).stream().map(h -> new HistoryView(h.id, h.type, h.articleId, h.actor, h.createdAt,
                h.oldValue, h.newValue, h.text)).toList();
    }

    /**
     * A page of tickets the actor may read. {@code query.readableQueueIds} is replaced by the
     * actor's readable queues (customers: only their own tickets).
     */
    @Transactional
    public TicketPage<TicketView> list(Actor a, TicketQuery query, Integer limit) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > config.maxPageSize()) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + config.maxPageSize());
        }
        TicketQuery scoped = new TicketQuery(permissions.readableQueueIds(a), query.queueId(), query.state(),
                query.stateTypes(), query.owner(), query.locked(), query.customerId(),
                a.isCustomer() ? a.username() : query.customerUserId(), query.priority(), query.escalated(),
                query.sort(), query.cursor());
        if (a.isCustomer()) {
            scoped = new TicketQuery(null, scoped.queueId(), scoped.state(), scoped.stateTypes(), null, null, null,
                    a.username(), scoped.priority(), null, scoped.sort(), scoped.cursor());
        }
        List<Ticket> rows = tickets.page(scoped, size);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Ticket last = rows.get(size - 1);
            next = encodeCursor(query.sort().field().valueOf(last), last.id);
        }
        return new TicketPage<>(views.views(rows, a), next);
    }

    public static String encodeCursor(String value, long id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((id + ":" + value).getBytes(StandardCharsets.UTF_8));
    }

    public static TicketQuery.Cursor decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            return new TicketQuery.Cursor(raw.substring(colon + 1), Long.parseLong(raw.substring(0, colon)));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor returned by this API");
        }
    }
}
