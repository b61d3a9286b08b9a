package org.relaydesk.contracts.ticket;

/**
 * Payload of {@code OwnerChanged} (version 1).
 *
 * @param ticketId  ticket id
 * @param oldOwner  previous owner, may be null
 * @param newOwner  new owner, may be null
 * @param changedBy who changed it
 */
public record OwnerChanged(
        long ticketId,
        String oldOwner,
        String newOwner,
        String changedBy) {
}
