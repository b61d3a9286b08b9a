package org.relaydesk.contracts.ticket;

/**
 * Payload of {@code TicketUnlocked} (version 1).
 *
 * @param ticketId  ticket id
 * @param owner     the agent who held the lock (stays owner)
 * @param reason    manual, close, move, timeout
 * @param changedBy who unlocked it ({@code system} for timeouts)
 */
public record TicketUnlocked(
        long ticketId,
        String owner,
        String reason,
        String changedBy) {
}
