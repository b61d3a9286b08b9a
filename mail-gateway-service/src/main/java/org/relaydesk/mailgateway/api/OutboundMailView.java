package org.relaydesk.mailgateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.relaydesk.mailgateway.OutboundMail;
import org.relaydesk.mailgateway.OutboundStatus;

/** An outbound mail and its delivery state (without bodies). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutboundMailView(UUID id, String source, String requestId, Long ticketId, String ticketNumber,
        Long articleId, String kind, String messageId, String from, String to, String cc, String subject,
        OutboundStatus status, int attempts, Instant nextAttemptAt, String lastError, String smtpResponse,
        Instant createdAt, Instant sentAt) {

    public static OutboundMailView of(OutboundMail o) {
        return new OutboundMailView(o.id, o.source, o.requestId, o.ticketId, o.ticketNumber, o.articleId, o.kind,
                o.messageId, o.from, o.to, o.cc, o.subject, o.status, o.attempts,
                o.status == OutboundStatus.QUEUED ? o.nextAttemptAt : null, o.lastError, o.smtpResponse, o.createdAt,
                o.sentAt);
    }
}
