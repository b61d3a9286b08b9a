package org.relaydesk.contracts.ticket;

/**
 * Payload of {@code TicketUnlinked} (version 1). Published on both tickets of the link.
 *
 * @param ticketId      the ticket this event is about
 * @param otherTicketId the ticket at the other end
 * @param linkType      normal or parent_child
 * @param role          this ticket's role: normal, parent or child
 * @param changedBy     who removed the link
 */
public record TicketUnlinked(
        long ticketId,
        long otherTicketId,
        String linkType,
        String role,
        String changedBy) {
}
