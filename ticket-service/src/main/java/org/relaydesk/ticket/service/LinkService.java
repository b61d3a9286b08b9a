package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.ticket.TicketLinked;
import org.relaydesk.contracts.ticket.TicketMerged;
import org.relaydesk.contracts.ticket.TicketSplit;
import org.relaydesk.contracts.ticket.TicketUnlinked;
import org.relaydesk.ticket.Article;
import org.relaydesk.ticket.ArticleKind;
import org.relaydesk.ticket.Attachment;
import org.relaydesk.ticket.Channel;
import org.relaydesk.ticket.LinkType;
import org.relaydesk.ticket.Origin;
import org.relaydesk.ticket.Permission;
import org.relaydesk.ticket.Queue;
import org.relaydesk.ticket.SenderType;
import org.relaydesk.ticket.StateType;
import org.relaydesk.ticket.Ticket;
import org.relaydesk.ticket.TicketLink;
import org.relaydesk.ticket.api.CreateTicketRequest;
import org.relaydesk.ticket.api.LinkView;
import org.relaydesk.ticket.api.Requests;
import org.relaydesk.ticket.api.TicketView;
import org.relaydesk.ticket.repository.ArticleRepository;
import org.relaydesk.ticket.repository.AttachmentRepository;
import org.relaydesk.ticket.repository.TicketLinkRepository;
import org.relaydesk.ticket.repository.TicketRepository;
import org.relaydesk.ticket.repository.TicketStateRepository;

/** Links between tickets, merging a ticket into another, and splitting an article off into a new ticket. */
@ApplicationScoped
public class LinkService {

    @Inject
    TicketLoader loader;
    @Inject
    TicketService ticketService;
    @Inject
    Permissions permissions;
    @Inject
    Lookups lookups;
    @Inject
    TicketMutations mutations;
    @Inject
    TicketJournal journal;
    @Inject
    TicketCreation creation;
    @Inject
    TicketViews views;
    @Inject
    TicketLinkRepository links;
    @Inject
    TicketRepository tickets;
    @Inject
    ArticleRepository articles;
    @Inject
    AttachmentRepository attachments;
    @Inject
    TicketStateRepository states;

    @Transactional
    public TicketView link(Actor a, long id, Long version, Requests.Link r) {
        Ticket t = ticketService.writable(a, id, version, Permission.RW);
        Ticket other = loader.referencedForUpdate(r.targetTicketId(), "targetTicketId");
        if (other.id.equals(t.id)) {
            throw ProblemException.invalid("targetTicketId", "a ticket cannot be linked to itself");
        }
        permissions.require(a, other, Permission.RO);
        if (links.between(t.id, other.id).isPresent()) {
            throw ProblemException.conflict("tickets " + t.id + " and " + other.id + " are already linked");
        }
        link(a, t, other, r.type() == null ? LinkType.NORMAL : r.type());
        other.touch(a.username(), Instant.now());
        return ticketService.done(t, a);
    }

    private void link(Actor a, Ticket source, Ticket target, LinkType type) {
        TicketLink l = new TicketLink();
        l.sourceTicketId = source.id;
        l.targetTicketId = target.id;
        l.type = type;
        l.createdAt = Instant.now();
        l.createdBy = a.username();
        l.persist();
        String sourceRole = type == LinkType.PARENT_CHILD ? "parent" : "normal";
        String targetRole = type == LinkType.PARENT_CHILD ? "child" : "normal";
        journal.history(source, a, "TicketLinkAdd", null, target.number,
                "Added link to ticket " + target.number + " (" + type.code() + ", this is " + sourceRole + ").");
        journal.history(target, a, "TicketLinkAdd", null, source.number,
                "Added link to ticket " + source.number + " (" + type.code() + ", this is " + targetRole + ").");
        journal.publish(source, EventTypes.TICKET_LINKED, new TicketLinked(source.id, target.id, type.code(), sourceRole, a.username()));
        journal.publish(target, EventTypes.TICKET_LINKED, new TicketLinked(target.id, source.id, type.code(), targetRole, a.username()));
    }

    @Transactional
    public TicketView unlink(Actor a, long id, Long version, long otherId) {
        Ticket t = ticketService.writable(a, id, version, Permission.RW);
        TicketLink l = links.between(id, otherId).orElseThrow(() -> ProblemException.notFound("link to ticket", otherId));
        Ticket other = tickets.findForUpdate(otherId).orElseThrow(() -> ProblemException.notFound("ticket", otherId));
        Ticket source = l.sourceTicketId.equals(t.id) ? t : other;
        Ticket target = source == t ? other : t;
        String sourceRole = l.type == LinkType.PARENT_CHILD ? "parent" : "normal";
        String targetRole = l.type == LinkType.PARENT_CHILD ? "child" : "normal";
        l.delete();
        journal.history(source, a, "TicketLinkDelete", target.number, null, "Removed link to ticket " + target.number + ".");
        journal.history(target, a, "TicketLinkDelete", source.number, null, "Removed link to ticket " + source.number + ".");
        journal.publish(source, EventTypes.TICKET_UNLINKED, new TicketUnlinked(source.id, target.id, l.type.code(), sourceRole, a.username()));
        journal.publish(target, EventTypes.TICKET_UNLINKED, new TicketUnlinked(target.id, source.id, l.type.code(), targetRole, a.username()));
        other.touch(a.username(), Instant.now());
        return ticketService.done(t, a);
    }

    @Transactional
    public List<LinkView> links(Actor a, long id) {
        loader.forRead(a, id);
        return links.ofTicket(id).stream().map(l -> {
            boolean source = l.sourceTicketId == id;
            Ticket other = tickets.findById(source ? l.targetTicketId : l.sourceTicketId);
            String role = l.type == LinkType.NORMAL ? "normal" : source ? "parent" : "child";
            return new LinkView(l.id, other.id, other.number, other.title, l.type, role, l.createdAt, l.createdBy);
        }).toList();
    }

    /** Merges this ticket into the target: its articles move there, it gets state merged and a note. */
    @Transactional
    public TicketView merge(Actor a, long id, Long version, Requests.Merge r) {
        Ticket source = ticketService.writable(a, id, version, Permission.RW);
        Ticket target = loader.referencedForUpdate(r.targetTicketId(), "targetTicketId");
        if (target.id.equals(source.id)) {
            throw ProblemException.invalid("targetTicketId", "a ticket cannot be merged into itself");
        }
        permissions.require(a, target, Permission.RW);
        permissions.requireNotLockedByOther(a, target);
        if (lookups.state(source.stateId).type == StateType.MERGED) {
            throw ProblemException.conflict("ticket " + source.number + " is already merged");
        }
        if (lookups.state(target.stateId).type == StateType.MERGED) {
            throw ProblemException.invalid("targetTicketId", "ticket " + target.number + " is merged itself");
        }
        List<Long> moved = articles.idsOfTicket(source.id);
        articles.moveAll(source.id, target.id);
        source.mergedIntoTicketId = target.id;
        source.mergedIntoNumber = target.number;
        journal.history(source, a, "Merged", source.number, target.number,
                "Merged ticket " + source.number + " into " + target.number + ".");
        journal.history(target, a, "Merged", source.number, target.number,
                "Merged ticket " + source.number + " into " + target.number + " (" + moved.size() + " articles).");
        journal.publish(source, EventTypes.TICKET_MERGED, new TicketMerged(source.id, target.id, target.number, moved, a.username()));
        mutations.changeState(source, a, states.firstOfType(StateType.MERGED)
                .orElseThrow(() -> ProblemException.conflict("no valid state of type merged is configured")), null);
        String text = r.note() == null || r.note().isBlank()
                ? "Merged into ticket " + target.number + "." : r.note();
        ticketService.note(source, a, "Merged into [Ticket#" + target.number + "]", text);
        target.touch(a.username(), Instant.now());
        return ticketService.done(source, a);
    }

    /** Splits an article off into a new ticket, linked to this one; returns the new ticket. */
    @Transactional
    public TicketView split(Actor a, long id, Long version, Requests.Split r) {
        Ticket source = ticketService.writable(a, id, version, Permission.RW);
        Article article = articles.ofTicket(source.id, r.articleId())
                .orElseThrow(() -> ProblemException.invalid("articleId", "no article " + r.articleId() + " in this ticket"));
        Queue queue = r.queueId() == null ? lookups.queue(source.queueId) : lookups.validQueue(r.queueId(), "queueId");
        String title = r.title() != null && !r.title().isBlank() ? r.title()
                : article.subject != null && !article.subject.isBlank() ? article.subject : source.title;
        CreateTicketRequest fields = new CreateTicketRequest(title, queue.id, Origin.API, null, source.priority,
                source.typeId, source.customerUserId, source.customerId, null, null, source.serviceId, source.slaId,
                null, null, null, null, null);
        Ticket created = creation.createWithArticle(a, fields, queue, copy(article));
        created.splitFromTicketId = source.id;
        link(a, source, created, r.linkType() == null ? LinkType.NORMAL : r.linkType());
        journal.history(created, a, "Split", source.number, created.number,
                "Split off article " + article.id + " of ticket " + source.number + ".");
        journal.publish(created, EventTypes.TICKET_SPLIT, new TicketSplit(created.id, source.id, article.id, a.username()));
        source.touch(a.username(), Instant.now());
        return views.view(created, a, false);
    }

    private ArticleDraft copy(Article a) {
        ArticleDraft d = new ArticleDraft(a.kind == ArticleKind.AUTO_RESPONSE ? ArticleKind.NOTE : a.kind,
                a.senderType, a.channel == null ? Channel.NOTE : a.channel, a.visibleForCustomer);
        d.from = a.from;
        d.to = a.to;
        d.cc = a.cc;
        d.subject = a.subject;
        d.bodyText = a.bodyText;
        d.bodyHtml = a.bodyHtml;
        d.inReplyTo = a.inReplyTo;
        d.references = a.references;
        d.senderType = a.senderType == null ? SenderType.AGENT : a.senderType;
        for (Attachment file : attachments.list("articleId = ?1 order by id", a.id)) {
            d.files.add(new ArticleDraft.NewFile(file.filename, file.contentType, file.content));
        }
        return d;
    }
}
