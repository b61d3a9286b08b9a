package org.relaydesk.mailgateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Json;
import org.relaydesk.contracts.mail.MailEventTypes;
import org.relaydesk.contracts.mail.OutboundMailRequest;
import org.relaydesk.mailgateway.OutboundMail;
import org.relaydesk.mailgateway.OutboundStatus;
import org.relaydesk.mailgateway.SystemAddress;
import org.relaydesk.mailgateway.config.MailGatewayConfig;
import org.relaydesk.mailgateway.messaging.ArticleAddedView;
import org.relaydesk.mailgateway.repository.KnownTicketRepository;
import org.relaydesk.mailgateway.repository.OutboundMailRepository;
import org.relaydesk.mailgateway.repository.ProcessedEvents;
import org.relaydesk.mailgateway.repository.SystemAddressRepository;

/**
 * Turns consumed events into queued outbound mails, once per event (the event id is recorded in the
 * same transaction); {@link OutboundSender} sends them. Also keeps the ticket-number lookup of
 * follow-up detection up to date from every ticket event that carries a number.
 */
@ApplicationScoped
public class OutboundQueue {

    private static final Logger LOG = Logger.getLogger(OutboundQueue.class);

    /** Fired when mail was queued; the sender wakes after the commit. */
    public record Queued(UUID id) {
    }

    @Inject
    OutboundMailRepository outbound;
    @Inject
    ProcessedEvents processed;
    @Inject
    KnownTicketRepository known;
    @Inject
    SystemAddressRepository addresses;
    @Inject
    MailGatewayConfig config;
    @Inject
    Event<Queued> queued;
    @Inject
    DeliveryResults results;

    /** Applies one {@code ticket.events} event; a no-op for events seen before and for other types. */
    @Transactional
    public void onTicketEvent(EventEnvelope e) {
        if (!accepted(e)) {
            return;
        }
        if (!EventTypes.ARTICLE_ADDED.equals(e.type()) && !EventTypes.TICKET_CREATED.equals(e.type())) {
            if (e.payload() != null && e.payload().hasNonNull("ticketId") && e.payload().hasNonNull("number")) {
                known.remember(e.payload().get("ticketId").asLong(), e.payload().get("number").asText(), null);
            }
            return;
        }
        if (!processed.firstTime(e.id(), e.type())) {
            return;
        }
        if (EventTypes.TICKET_CREATED.equals(e.type())) {
            var p = e.payload();
            known.remember(p.path("ticketId").asLong(), p.path("number").asText(null),
                    p.hasNonNull("queueId") ? p.get("queueId").asLong() : null);
            return;
        }
        ArticleAddedView a = e.payloadAs(ArticleAddedView.class);
        known.remember(a.ticketId(), a.ticketNumber(), a.queueId());
        if (!a.toSend()) {
            return;
        }
        if (outbound.byArticle(a.articleId()).isPresent()) {
            return;
        }
        OutboundMail o = base(e.id(), OutboundMail.SOURCE_ARTICLE);
        o.ticketId = a.ticketId();
        o.ticketNumber = a.ticketNumber();
        o.articleId = a.articleId();
        o.kind = a.kind() == null ? "email" : a.kind();
        o.messageId = a.messageId() != null && !a.messageId().isBlank() ? bracketed(a.messageId()) : newMessageId();
        o.from = a.from() != null && !a.from().isBlank() ? a.from() : fromOfQueue(queueOf(a.ticketId(), a.queueId()));
        o.to = a.to();
        o.cc = blankToNull(a.cc());
        o.bcc = blankToNull(a.bcc());
        o.subject = a.subject() == null ? "" : a.subject();
        o.inReplyTo = blankToNull(a.inReplyTo());
        o.references = blankToNull(a.references());
        o.bodyText = a.bodyText();
        o.bodyHtml = a.bodyHtml();
        o.attachments = a.attachmentNames() == null || a.attachmentNames().isEmpty() ? null
                : Json.write(a.attachmentNames().stream().map(n -> Map.of("filename", n)).toList());
        enqueue(o);
    }

    /** Applies one {@code mail.outbound} request. */
    @Transactional
    public void onRequest(EventEnvelope e) {
        if (!accepted(e)) {
            return;
        }
        if (!MailEventTypes.OUTBOUND_MAIL_REQUESTED.equals(e.type())) {
            LOG.warnf("mail.outbound: ignoring event %s of type %s", e.id(), e.type());
            return;
        }
        if (!processed.firstTime(e.id(), e.type()) || outbound.existsForEvent(e.id())) {
            return;
        }
        OutboundMailRequest r = e.payloadAs(OutboundMailRequest.class);
        OutboundMail o = base(e.id(), OutboundMail.SOURCE_REQUEST);
        o.requestId = r.requestId() != null ? r.requestId() : e.id().toString();
        o.ticketId = r.ticketId();
        o.ticketNumber = r.ticketNumber();
        o.kind = "notification";
        o.messageId = newMessageId();
        o.from = r.from() != null && !r.from().isBlank() ? r.from()
                : fromOfQueue(r.queueId() != null ? r.queueId() : r.ticketId() == null ? null : queueOf(r.ticketId(), null));
        o.to = r.to();
        o.cc = blankToNull(r.cc());
        o.bcc = blankToNull(r.bcc());
        o.subject = r.subject() == null ? "" : r.subject();
        o.inReplyTo = blankToNull(r.inReplyTo());
        o.references = blankToNull(r.references());
        o.bodyText = r.bodyText();
        o.bodyHtml = r.bodyHtml();
        o.extraHeaders = r.headers() == null || r.headers().isEmpty() ? null : Json.write(r.headers());
        o.attachments = r.attachments() == null || r.attachments().isEmpty() ? null : Json.write(new ArrayList<>(r.attachments()));
        enqueue(o);
    }

    private boolean accepted(EventEnvelope e) {
        return config.outbound().acceptSources().map(list -> list.contains(e.source())).orElse(true);
    }

    private void enqueue(OutboundMail o) {
        if (o.to == null || o.to.isBlank()) {
            // never block the topic on a mail that cannot be sent: record it failed and report it
            o.to = "";
            o.status = OutboundStatus.FAILED;
            o.lastError = "no recipient";
            o.persist();
            results.failed(o, "no recipient", false, Instant.now());
            LOG.errorf("outbound mail %s (ticket %s, article %s, request %s) has no recipient: reported failed",
                    o.messageId, o.ticketId, o.articleId, o.requestId);
            return;
        }
        o.persist();
        queued.fire(new Queued(o.id));
        LOG.infof("outbound mail %s queued (%s, ticket %s, article %s) to %s", o.messageId, o.kind, o.ticketId,
                o.articleId, o.to);
    }

    private OutboundMail base(UUID eventId, String source) {
        OutboundMail o = new OutboundMail();
        o.id = UUID.randomUUID();
        o.eventId = eventId;
        o.source = source;
        o.status = OutboundStatus.QUEUED;
        o.attempts = 0;
        o.createdAt = Instant.now();
        o.nextAttemptAt = o.createdAt;
        return o;
    }

    private Long queueOf(long ticketId, Long given) {
        if (given != null) {
            return given;
        }
        var t = known.findById(ticketId);
        return t == null ? null : t.queueId;
    }

    /** The queue's system address with its display name, else the configured default sender. */
    String fromOfQueue(Long queueId) {
        if (queueId != null) {
            var a = addresses.ofQueue(queueId);
            if (a.isPresent()) {
                return format(a.get());
            }
        }
        return config.outbound().defaultFrom();
    }

    static String format(SystemAddress a) {
        if (a.displayName == null || a.displayName.isBlank()) {
            return a.address;
        }
        return "\"" + a.displayName.replace("\\", "").replace("\"", "") + "\" <" + a.address + ">";
    }

    String newMessageId() {
        return "<" + Instant.now().toEpochMilli() + "." + UUID.randomUUID() + "@" + config.outbound().messageIdDomain() + ">";
    }

    static String bracketed(String id) {
        String s = id.strip();
        return s.startsWith("<") ? s : "<" + s + ">";
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
