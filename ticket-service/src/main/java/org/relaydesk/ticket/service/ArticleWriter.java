package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.ticket.ArticleAdded;
import org.relaydesk.ticket.Article;
import org.relaydesk.ticket.ArticleKind;
import org.relaydesk.ticket.Attachment;
import org.relaydesk.ticket.DeliveryStatus;
import org.relaydesk.ticket.SenderType;
import org.relaydesk.ticket.Ticket;
import org.relaydesk.ticket.repository.SeenRepository;

/**
 * Stores an article with its attachments, adds its time units to the ticket, writes the history
 * line and publishes {@code ArticleAdded}. Outbound articles get a Message-ID and delivery status
 * {@code queued}; the mail-gateway sends them. A new article makes the ticket unseen for everyone
 * but its author.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ArticleWriter {

    static final String MESSAGE_ID_DOMAIN = "relaydesk.local";

    @Inject
    TicketJournal journal;
    @Inject
    HtmlSanitizer sanitizer;
    @Inject
    SeenRepository seen;

    public Article write(Ticket t, Actor actor, ArticleDraft d) {
        return write(t, actor, d, false);
    }

    /** The first article of a ticket created in this transaction: no agent can have seen the ticket yet. */
    public Article writeFirst(Ticket t, Actor actor, ArticleDraft d) {
        return write(t, actor, d, true);
    }

    private Article write(Ticket t, Actor actor, ArticleDraft d, boolean newTicket) {
        Instant now = Instant.now();
        Article a = new Article();
        a.ticketId = t.id;
        a.kind = d.kind;
        a.senderType = d.senderType;
        a.channel = d.channel;
        a.visibleForCustomer = d.visibleForCustomer;
        a.from = d.from;
        a.to = d.to;
        a.cc = d.cc;
        a.bcc = d.bcc;
        a.subject = d.subject;
        a.bodyHtml = d.bodyHtml == null || d.bodyHtml.isBlank() ? null : sanitizer.sanitize(d.bodyHtml);
        a.bodyText = d.bodyText != null && !d.bodyText.isBlank() ? d.bodyText : sanitizer.toText(a.bodyHtml);
        a.outbound = d.outbound;
        a.messageId = d.messageId != null ? d.messageId
                : d.outbound ? "<" + now.toEpochMilli() + "." + UUID.randomUUID() + "@" + MESSAGE_ID_DOMAIN + ">" : null;
        a.inReplyTo = d.inReplyTo;
        a.references = d.references;
        a.deliveryStatus = d.outbound ? DeliveryStatus.QUEUED : null;
        a.timeUnits = d.timeUnits;
        a.createdAt = now;
        a.createdBy = actor.username();
        a.persist();
        for (ArticleDraft.NewFile f : d.files) {
            Attachment file = new Attachment();
            file.articleId = a.id;
            file.filename = f.filename();
            file.contentType = f.contentType();
            file.size = f.content().length;
            file.content = f.content();
            file.persist();
        }
        t.timeUnits = t.timeUnits.add(d.timeUnits);
        journal.history(t, actor, historyType(d), a.id, null, a.id, historyText(d));
        journal.publish(t, EventTypes.ARTICLE_ADDED, new ArticleAdded(t.id, t.number, a.id, a.kind.code(),
                a.senderType.code(), a.channel.code(), a.visibleForCustomer, a.from, a.to, a.cc, a.bcc, a.subject,
                a.bodyText, a.bodyHtml, a.messageId, a.inReplyTo, a.references, a.outbound,
                a.deliveryStatus == null ? null : a.deliveryStatus.code(),
                d.files.stream().map(ArticleDraft.NewFile::filename).toList(), a.createdBy, a.createdAt,
                t.queueId == null ? null : t.queueId.longValue()));
        if (!newTicket) {
            seen.clearTicket(t.id);
        }
        if (actor.isAgent() && !actor.isSystem()) {
            seen.markArticle(a.id, actor.username(), now);
        }
        return a;
    }

    /** OTRS history types of articles. */
    static String historyType(ArticleDraft d) {
        boolean customer = d.senderType == SenderType.CUSTOMER;
        return switch (d.kind) {
            case NOTE -> "AddNote";
            case PHONE -> customer ? "PhoneCallCustomer" : "PhoneCallAgent";
            case REPLY -> "SendAnswer";
            case FORWARD -> "Forward";
            case BOUNCE -> "Bounce";
            case AUTO_RESPONSE -> "SendAutoReply";
            case EMAIL -> customer ? "EmailCustomer" : "EmailAgent";
            case WEB -> customer ? "WebRequestCustomer" : "AddNote";
        };
    }

    private static String historyText(ArticleDraft d) {
        String what = d.kind == ArticleKind.AUTO_RESPONSE ? "auto response" : d.kind.code();
        String to = d.outbound && d.to != null ? " to " + d.to : "";
        return "Added " + what + " article (" + d.senderType.code() + ", " + d.channel.code()
                + (d.visibleForCustomer ? ", visible for customer" : ", internal") + ")" + to + ".";
    }
}
