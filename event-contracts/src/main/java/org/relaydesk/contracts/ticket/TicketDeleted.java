package org.relaydesk.contracts.ticket;

/**
 * Payload of {@code TicketDeleted} (version 1): the ticket and its articles are gone (junk
 * cleanup, the only deletion).
 *
 * @param ticketId ticket id
 * @param number   ticket number
 * @param reason   why, e.g. junk-retention
 */
public record TicketDeleted(
        long ticketId,
        String number,
        String reason) {
}
