package org.relaydesk.ticket.api;

import java.time.Instant;
import org.relaydesk.ticket.LinkType;

/** A link seen from one ticket: the other ticket and this ticket's role (normal, parent, child). */
public record LinkView(long id, long otherTicketId, String otherNumber, String otherTitle, LinkType type, String role,
        Instant createdAt, String createdBy) {
}
