package org.relaydesk.contracts.escalation;

import java.time.Instant;

/**
 * Payload of {@code PendingAutoCloseDue} (version 1) on {@code escalation.events}: the pending time
 * of a ticket in a pending auto close± state has passed (SPEC J2, no business-hours gating).
 * ticket-service consumes it (reads {@code ticketId}), checks the pending time itself and closes
 * the ticket: close+ → closed successful, close- → closed unsuccessful.
 *
 * @param ticketId     ticket id
 * @param pendingUntil the pending time that passed
 * @param state        the pending state name, e.g. {@code pending auto close+}
 */
public record PendingAutoCloseDue(
        long ticketId,
        Instant pendingUntil,
        String state) {
}
