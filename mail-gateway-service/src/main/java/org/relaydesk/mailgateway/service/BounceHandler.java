package org.relaydesk.mailgateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.relaydesk.mailgateway.InboundStatus;
import org.relaydesk.mailgateway.OutboundMail;
import org.relaydesk.mailgateway.OutboundStatus;
import org.relaydesk.mailgateway.client.TicketServiceClient;
import org.relaydesk.mailgateway.client.TicketServiceDtos;
import org.relaydesk.mailgateway.parsing.ParsedMail;
import org.relaydesk.mailgateway.pipeline.Bounce;
import org.relaydesk.mailgateway.repository.OutboundMailRepository;

/**
 * A delivery status notification for a mail this gateway sent: adds an internal note to the
 * ticket (through ticket-service) and reports the original article failed on {@code mail.delivery}
 * ({@code MailDeliveryFailed} with {@code bounce = true}); no new ticket.
 */
@ApplicationScoped
public class BounceHandler {

    private static final Logger LOG = Logger.getLogger(BounceHandler.class);

    /** The bounce was ours and is handled. */
    public record Handled(long outboundId, String detail) {
    }

    @Inject
    OutboundMailRepository outbound;
    @Inject
    TicketServiceClient tickets;
    @Inject
    InboundTransitions transitions;
    @Inject
    DeliveryResults results;

    /** Empty when the bounced mail is not one this gateway sent (the caller treats it as a normal mail). */
    public Optional<Handled> handle(UUID mailId, ParsedMail mail, Bounce bounce, String decisions, String warnings) {
        Optional<OutboundMail> original = find("<" + bounce.originalMessageId() + ">");
        if (original.isEmpty()) {
            LOG.infof("mail %s: bounce for <%s>, which this gateway did not send", mailId, bounce.originalMessageId());
            return Optional.empty();
        }
        OutboundMail o = original.get();
        String detail = (bounce.failed() ? "delivery failed" : "delivery " + nz(bounce.action(), "reported"))
                + " for " + nz(bounce.failedRecipient(), o.to) + ", status " + nz(bounce.status(), "unknown")
                + (bounce.diagnostic() == null ? "" : ": " + bounce.diagnostic());
        Long articleId = null;
        if (o.ticketId != null) {
            String body = "The mail \"" + o.subject + "\" (" + o.messageId + ") came back: " + detail
                    + "\n\n" + nz(mail.bodyText(), "");
            TicketServiceClient.Stored note = tickets.addArticle(o.ticketId, new TicketServiceDtos.Article("note", "system",
                    false, mail.fromAddress(), null, null,
                    (bounce.failed() ? "Delivery failed: " : "Delivery report: ") + o.subject, body, null,
                    mail.messageId() == null ? null : "<" + mail.messageId() + ">", o.messageId, null, null, false));
            articleId = note.articleId();
        }
        record(mailId, o.id, bounce.failed(), detail, decisions, warnings, articleId);
        return Optional.of(new Handled(0, detail));
    }

    private Optional<OutboundMail> find(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> outbound.byMessageId(messageId));
    }

    private void record(UUID mailId, UUID outboundId, boolean failed, String detail, String decisions, String warnings,
            Long noteId) {
        QuarkusTransaction.requiringNew().run(() -> recordNow(mailId, outboundId, failed, detail, decisions, warnings, noteId));
    }

    private void recordNow(UUID mailId, UUID outboundId, boolean failed, String detail, String decisions, String warnings,
            Long noteId) {
        OutboundMail o = outbound.findById(outboundId);
        if (failed) {
            o.status = OutboundStatus.FAILED;
            o.lastError = "bounce: " + detail;
            results.failed(o, "bounce: " + detail, true, Instant.now());
        }
        transitions.finish(mailId, new InboundTransitions.Outcome(InboundStatus.BOUNCE_HANDLED, decisions, warnings,
                o.ticketId, o.ticketNumber, noteId, "bounce of " + o.messageId + ": " + detail));
    }

    private static String nz(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
