package org.relaydesk.contracts.ticket;

import java.time.Instant;

/**
 * Payload of {@code TicketStateChanged} (version 1).
 *
 * @param ticketId     ticket id
 * @param oldState     previous state name
 * @param oldStateType previous state type
 * @param newState     new state name
 * @param newStateType new state type
 * @param pendingUntil pending time for pending state types, else null
 * @param closedAt     when the ticket was closed, for closed state types
 * @param changedBy    who changed it
 */
public record TicketStateChanged(
        long ticketId,
        String oldState,
        String oldStateType,
        String newState,
        String newStateType,
        Instant pendingUntil,
        Instant closedAt,
        String changedBy) {
}
