package org.relaydesk.contracts.ticket;

/**
 * Payload of {@code TicketSplit} (version 1), published on the new ticket after its
 * {@code TicketCreated}: it was split off an article of another ticket.
 *
 * @param ticketId        the new ticket
 * @param sourceTicketId  the ticket the article belongs to
 * @param sourceArticleId the article that was split off
 * @param changedBy       who split
 */
public record TicketSplit(
        long ticketId,
        long sourceTicketId,
        long sourceArticleId,
        String changedBy) {
}
