package org.relaydesk.mailgateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.relaydesk.contracts.Json;
import org.relaydesk.mailgateway.InboundMail;
import org.relaydesk.mailgateway.InboundStatus;

/** A stored inbound mail without its bytes ({@code GET .../raw} downloads them). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboundMailView(UUID id, String messageId, int rawSize, UUID accountId, String sourceRef,
        Instant receivedAt, InboundStatus status, int attempts, Instant nextAttemptAt, String lastError,
        JsonNode decisions, JsonNode parseWarnings, Long ticketId, String ticketNumber, Long articleId,
        Instant processedAt) {

    public static InboundMailView of(InboundMail m) {
        return new InboundMailView(m.id, m.messageId, m.rawSize, m.accountId, m.sourceRef, m.receivedAt, m.status,
                m.attempts, m.status.isFinal() ? null : m.nextAttemptAt, m.lastError, json(m.decisions),
                json(m.parseWarnings), m.ticketId, m.ticketNumber, m.articleId, m.processedAt);
    }

    private static JsonNode json(String s) {
        try {
            return s == null ? null : Json.MAPPER.readTree(s);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
