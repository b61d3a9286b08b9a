package org.relaydesk.contracts.ticket;

/**
 * Payload of {@code TicketLinked} (version 1). Published on both tickets of the link.
 *
 * @param ticketId       the ticket this event is about (the record key)
 * @param otherTicketId  the ticket at the other end
 * @param linkType       normal or parent_child
 * @param role           this ticket's role: normal, parent or child
 * @param changedBy      who linked them
 */
public record TicketLinked(
        long ticketId,
        long otherTicketId,
        String linkType,
        String role,
        String changedBy) {
}
