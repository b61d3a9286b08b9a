package org.relaydesk.contracts.ticket;

import java.time.Instant;

/**
 * Payload of {@code PendingTimeSet} (version 1): the pending time was set or cleared.
 *
 * @param ticketId     ticket id
 * @param pendingUntil the pending time, null when cleared
 * @param state        state name at that moment
 * @param stateType    state type at that moment
 * @param changedBy    who set it
 */
public record PendingTimeSet(
        long ticketId,
        Instant pendingUntil,
        String state,
        String stateType,
        String changedBy) {
}
