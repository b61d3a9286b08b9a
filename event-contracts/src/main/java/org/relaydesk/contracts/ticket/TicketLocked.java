package org.relaydesk.contracts.ticket;

/**
 * Payload of {@code TicketLocked} (version 1): the ticket is locked to its owner.
 *
 * @param ticketId  ticket id
 * @param owner     the agent holding the lock
 * @param changedBy who locked it
 */
public record TicketLocked(
        long ticketId,
        String owner,
        String changedBy) {
}
