package org.relaydesk.contracts.ticket;

/**
 * Payload of {@code PriorityChanged} (version 1).
 *
 * @param ticketId    ticket id
 * @param oldPriority previous priority (1..5)
 * @param newPriority new priority (1..5)
 * @param changedBy   who changed it
 */
public record PriorityChanged(
        long ticketId,
        int oldPriority,
        int newPriority,
        String changedBy) {
}
