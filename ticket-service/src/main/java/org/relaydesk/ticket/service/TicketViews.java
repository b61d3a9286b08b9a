package org.relaydesk.ticket.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.relaydesk.ticket.Article;
import org.relaydesk.ticket.Queue;
import org.relaydesk.ticket.Ticket;
import org.relaydesk.ticket.TicketState;
import org.relaydesk.ticket.api.ArticleView;
import org.relaydesk.ticket.api.ArticleView.AttachmentView;
import org.relaydesk.ticket.api.TicketView;
import org.relaydesk.ticket.repository.ArticleRepository;
import org.relaydesk.ticket.repository.AttachmentRepository;
import org.relaydesk.ticket.repository.SeenRepository;

/** Turns tickets and articles into API views; customers get only customer-visible articles. */
@ApplicationScoped
public class TicketViews {

    @Inject
    Lookups lookups;
    @Inject
    DynamicFieldService dynamicFields;
    @Inject
    ArticleRepository articles;
    @Inject
    AttachmentRepository attachments;
    @Inject
    SeenRepository seen;

    public TicketView view(Ticket t, Actor viewer, boolean withArticles) {
        Boolean seenFlag = viewer.isAgent() ? seen.ticketSeen(t.id, viewer.username()) : null;
        List<ArticleView> articleViews = withArticles ? articles(t.id, viewer) : null;
        return view(t, dynamicFields.valuesOf(t.id), seenFlag, articleViews);
    }

    /**
     * The view of a ticket created in this transaction: nobody has seen it yet, and without dynamic
     * fields in the request it has none (saves two queries on the busiest write).
     */
    public TicketView created(Ticket t, Actor viewer, boolean noDynamicFields) {
        return view(t, noDynamicFields ? Map.of() : dynamicFields.valuesOf(t.id), viewer.isAgent() ? false : null, null);
    }

    public List<TicketView> views(List<Ticket> tickets, Actor viewer) {
        List<Long> ids = tickets.stream().map(t -> t.id).toList();
        Map<Long, Map<String, JsonNode>> fields = dynamicFields.byTicket(ids);
        Set<Long> seenIds = viewer.isAgent() ? seen.seenTickets(ids, viewer.username()) : Set.of();
        return tickets.stream().map(t -> view(t, fields.getOrDefault(t.id, Map.of()),
                viewer.isAgent() ? seenIds.contains(t.id) : null, null)).toList();
    }

    private TicketView view(Ticket t, Map<String, JsonNode> fields, Boolean seenFlag, List<ArticleView> articleViews) {
        Queue q = lookups.queue(t.queueId);
        TicketState s = lookups.state(t.stateId);
        return new TicketView(t.id, t.number, t.title, t.queueId, q.name, s.name, s.type, t.priority,
                lookups.priorityName(t.priority), t.typeId, lookups.typeName(t.typeId), t.locked, t.owner,
                t.responsible, t.customerUserId, t.customerId, t.serviceId, lookups.serviceName(t.serviceId), t.slaId,
                lookups.slaName(t.slaId), t.pendingUntil, t.escalated, t.timeUnits, t.createdAt, t.createdBy,
                t.changedAt, t.changedBy, t.closedAt, t.version, t.mergedIntoTicketId, t.mergedIntoNumber, t.splitFromTicketId,
                fields, seenFlag, articleViews);
    }

    /** The articles of a ticket the viewer may see, oldest first, with attachment metadata. */
    public List<ArticleView> articles(long ticketId, Actor viewer) {
        List<Article> list = articles.ofTicket(ticketId, viewer.isCustomer());
        Set<Long> seenIds = viewer.isAgent() ? seen.seenArticles(ticketId, viewer.username()) : Set.of();
        Map<Long, List<AttachmentView>> files = attachmentsOf(list.stream().map(a -> a.id).toList());
        return list.stream().map(a -> view(a, viewer, viewer.isAgent() ? seenIds.contains(a.id) : null,
                files.getOrDefault(a.id, List.of()))).toList();
    }

    public ArticleView article(Article a, Actor viewer) {
        Boolean seenFlag = viewer.isAgent() ? seen.seenArticles(a.ticketId, viewer.username()).contains(a.id) : null;
        return view(a, viewer, seenFlag, attachmentsOf(List.of(a.id)).getOrDefault(a.id, List.of()));
    }

    private Map<Long, List<AttachmentView>> attachmentsOf(Collection<Long> articleIds) {
        return attachments.infos(articleIds).stream().collect(Collectors.groupingBy(AttachmentRepository.Info::articleId,
                Collectors.mapping(i -> new AttachmentView(i.id(), i.filename(), i.contentType(), i.size()),
                        Collectors.toList())));
    }

    private static ArticleView view(Article a, Actor viewer, Boolean seenFlag, List<AttachmentView> files) {
        boolean customer = viewer.isCustomer();
        return new ArticleView(a.id, a.ticketId, a.kind, a.senderType, a.channel, a.visibleForCustomer, a.from, a.to,
                a.cc, customer ? null : a.bcc, a.subject, a.bodyText, a.bodyHtml, a.messageId, a.inReplyTo,
                a.references, a.outbound, a.deliveryStatus, customer ? null : a.deliveryDetail, a.timeUnits,
                a.createdAt, a.createdBy, seenFlag, files);
    }
}
