package org.relaydesk.ticket.api;

import java.time.Instant;

/** One history line of a ticket. */
public record HistoryView(long id, String type, Long articleId, String actor, Instant createdAt, String oldValue,
        String newValue, String text) {
}
