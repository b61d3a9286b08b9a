package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.relaydesk.ticket.Article;
import org.relaydesk.ticket.ArticleKind;
import org.relaydesk.ticket.Attachment;
import org.relaydesk.ticket.AutoResponseType;
import org.relaydesk.ticket.Channel;
import org.relaydesk.ticket.FollowUpPolicy;
import org.relaydesk.ticket.Permission;
import org.relaydesk.ticket.Queue;
import org.relaydesk.ticket.SenderType;
import org.relaydesk.ticket.Ticket;
import org.relaydesk.ticket.TicketState;
import org.relaydesk.ticket.api.ArticleRequest;
import org.relaydesk.ticket.api.ArticleView;
import org.relaydesk.ticket.api.AttachmentUpload;
import org.relaydesk.ticket.config.TicketConfig;
import org.relaydesk.ticket.repository.ArticleRepository;
import org.relaydesk.ticket.repository.AttachmentRepository;
import org.relaydesk.ticket.repository.AutoResponseRepository;

/**
 * Adding articles to tickets: notes, phone calls, e-mail replies, forwards, bounces, inbound mail
 * and portal messages; the follow-up policy of closed tickets; the next state that goes with an
 * article; auto responses; attachment downloads.
 */
@ApplicationScoped
public class ArticleService {

    /** The article that was added (or found again by its message id) and the ticket's new version. */
    public record Added(ArticleView article, long ticketId, long ticketVersion, boolean created) {
    }

    @Inject
    TicketLoader loader;
    @Inject
    Permissions permissions;
    @Inject
    Lookups lookups;
    @Inject
    TicketMutations mutations;
    @Inject
    ArticleWriter writer;
    @Inject
    MailComposer composer;
    @Inject
    TicketViews views;
    @Inject
    ArticleRepository articles;
    @Inject
    AttachmentRepository attachments;
    @Inject
    AutoResponseRepository autoResponses;
    @Inject
    TicketConfig config;
    @Inject
    TicketCreation creation;
    @Inject
    TicketJournal journal;

    @Transactional
    public Added add(Actor actor, long ticketId, Long expectedVersion, ArticleRequest r) {
        if (r.kind() == null) {
            throw ProblemException.invalid("kind", "is required: note, phone, reply, forward, bounce, email or web");
        }
        Ticket t = loader.forUpdate(ticketId, expectedVersion);
        Queue q = lookups.queue(t.queueId);
        SenderType sender = senderOf(actor, r);
        if (actor.isCustomer()) {
            loader.requireOwn(actor, t);
            if (r.kind() != ArticleKind.WEB) {
                throw ProblemException.invalid("kind", "customers add web articles only");
            }
        } else {
            permissions.require(actor, q, r.kind() == ArticleKind.NOTE ? Permission.NOTE : Permission.RW);
        }
        if (sender == SenderType.AGENT) {
            permissions.requireNotLockedByOther(actor, t);
        }
        if (r.messageId() != null) {
            Optional<Article> known = articles.byMessageId(r.messageId());
            if (known.isPresent()) {
                Article a = known.get();
                Ticket owner = a.ticketId.equals(t.id) ? t : loader.forRead(actor, a.ticketId);
                return new Added(views.article(a, actor), a.ticketId, owner.version, false);
            }
        }
        TicketState state = lookups.state(t.stateId);
        TicketState next = r.nextState() == null ? null : lookups.validState(r.nextState(), "nextState");
        if (sender == SenderType.CUSTOMER && state.type.isClosed() && next == null) {
            if (q.followUpPolicy == FollowUpPolicy.REJECT) {
                if (r.kind() != ArticleKind.EMAIL) {
                    throw new ProblemException(409, "follow-up-rejected", "Follow-up rejected",
                            "ticket " + t.number + " is closed and its queue rejects follow-ups", null);
                }
                return rejectedMail(t, q, actor, r, sender);
            }
            if (q.followUpPolicy == FollowUpPolicy.NEW_TICKET) {
                return creation.followUpAsNewTicket(actor, t, r, sender);
            }
            next = lookups.validState(config.reopenState(), "relaydesk.ticket.reopen-state");
        }
        ArticleDraft draft = draft(actor, t, q, r, sender);
        Article a = writer.write(t, actor, draft);
        if (next != null) {
            mutations.changeState(t, actor, next, pendingTime(next, r.pendingUntil()));
        }
        if (sender == SenderType.CUSTOMER && draft.channel == Channel.EMAIL && r.autoResponseAllowed()) {
            autoRespond(t, q, actor, a, AutoResponseType.FOLLOW_UP);
        }
        t.touch(actor.username(), Instant.now());
        return new Added(views.article(a, actor), t.id, t.version, true);
    }

    /** Sends the queue's auto response of the type for the trigger article, if the queue has one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void autoRespond(Ticket t, Queue q, Actor actor, Article trigger, AutoResponseType type) {
        autoResponses.forQueue(q.id, type)
                .flatMap(response -> composer.autoResponse(t, q, response, trigger))
                .ifPresent(d -> writer.write(t, Actor.SYSTEM, d));
    }

    /**
     * A mail that follows up a closed ticket of a queue that rejects follow-ups, as OTRS's
     * PostMaster "Reject" does it: the mail is kept as an article of the ticket (nothing is lost),
     * the ticket stays closed, the history says so, and the sender gets the queue's reject auto
     * response (unless the mail is one that must not be answered).
     */
    private Added rejectedMail(Ticket t, Queue q, Actor actor, ArticleRequest r, SenderType sender) {
        Article a = writer.write(t, actor, draft(actor, t, q, r, sender));
        journal.history(t, actor, "FollowUpRejected", a.id, null, null,
                "follow-up to the closed ticket kept; not reopened: queue " + q.name + " rejects follow-ups");
        if (r.autoResponseAllowed()) {
            autoRespond(t, q, actor, a, AutoResponseType.REJECT);
        }
        t.touch(actor.username(), Instant.now());
        return new Added(views.article(a, actor), t.id, t.version, true);
    }

    /** Builds the draft of an article from a request; shared by ticket creation. */
    public ArticleDraft draft(Actor actor, Ticket t, Queue q, ArticleRequest r, SenderType sender) {
        ArticleDraft d = switch (r.kind()) {
            case REPLY -> composer.reply(t, q, actor, r);
            case FORWARD -> composer.forward(t, q, r);
            case BOUNCE -> composer.bounce(t, r);
            case EMAIL -> sender == SenderType.AGENT ? composer.reply(t, q, actor, r) : plain(r, ArticleKind.EMAIL, sender, Channel.EMAIL, true);
            case NOTE -> plain(r, ArticleKind.NOTE, sender, Channel.NOTE, false);
            case PHONE -> plain(r, ArticleKind.PHONE, sender, Channel.PHONE, true);
            case WEB -> plain(r, ArticleKind.WEB, sender, Channel.WEB, true);
            case AUTO_RESPONSE -> throw ProblemException.invalid("kind", "auto responses are sent by the system only");
        };
        if (r.kind() == ArticleKind.EMAIL && sender == SenderType.AGENT) {
            d.kind = ArticleKind.EMAIL;
        }
        if (d.bodyText == null || d.bodyText.isBlank()) {
            if ((r.bodyHtml() == null || r.bodyHtml().isBlank()) && (r.attachments() == null || r.attachments().isEmpty())) {
                throw ProblemException.invalid("body", "an article needs a body (text or HTML) or an attachment");
            }
        }
        d.timeUnits = r.timeUnits() == null ? d.timeUnits : r.timeUnits();
        d.files.addAll(decode(r.attachments()));
        return d;
    }

    private static ArticleDraft plain(ArticleRequest r, ArticleKind kind, SenderType sender, Channel channel,
            boolean visibleByDefault) {
        boolean visible = sender == SenderType.CUSTOMER || (r.visibleForCustomer() == null ? visibleByDefault : r.visibleForCustomer());
        ArticleDraft d = new ArticleDraft(kind, sender, channel, visible);
        d.from = r.from();
        d.to = r.to();
        d.cc = r.cc();
        d.subject = r.subject();
        d.bodyText = r.body();
        d.bodyHtml = r.bodyHtml();
        d.messageId = r.messageId();
        d.inReplyTo = r.inReplyTo();
        d.references = r.references();
        return d;
    }

    /** Decodes base64 attachments and enforces the size limit; names the failing field. */
    public List<ArticleDraft.NewFile> decode(List<AttachmentUpload> uploads) {
        if (uploads == null) {
            return List.of();
        }
        List<ArticleDraft.NewFile> files = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            AttachmentUpload u = uploads.get(i);
            String field = "attachments[" + i + "].contentBase64";
            byte[] content;
            try {
                content = Base64.getMimeDecoder().decode(u.contentBase64());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(field, "is not valid base64");
            }
            if (content.length > config.attachmentMaxBytes()) {
                throw ProblemException.invalid(field, "is " + content.length + " bytes, the limit is " + config.attachmentMaxBytes());
            }
            String type = u.contentType() == null || u.contentType().isBlank() ? "application/octet-stream" : u.contentType();
            files.add(new ArticleDraft.NewFile(u.filename(), type, content));
        }
        return files;
    }

    static SenderType senderOf(Actor actor, ArticleRequest r) {
        if (actor.isCustomer()) {
            return SenderType.CUSTOMER;
        }
        return r.senderType() == null ? SenderType.AGENT : r.senderType();
    }

    Instant pendingTime(TicketState next, Instant requested) {
        if (!next.type.isPending()) {
            return null;
        }
        if (requested == null) {
            throw ProblemException.invalid("pendingUntil", "state '" + next.name + "' needs a pending time");
        }
        return requested;
    }

    /** An attachment the actor may download (customers: only of visible articles of their tickets). */
    @Transactional
    public Attachment download(Actor actor, long ticketId, long articleId, long attachmentId) {
        loader.forRead(actor, ticketId);
        Article a = articles.ofTicket(ticketId, articleId).orElseThrow(() -> ProblemException.notFound("article", articleId));
        if (actor.isCustomer() && !a.visibleForCustomer) {
            throw ProblemException.notFound("article", articleId);
        }
        return attachments.ofArticle(articleId, attachmentId)
                .orElseThrow(() -> ProblemException.notFound("attachment", attachmentId));
    }
}
