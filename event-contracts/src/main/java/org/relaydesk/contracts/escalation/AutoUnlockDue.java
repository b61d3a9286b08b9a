package org.relaydesk.contracts.escalation;

import java.time.Instant;

/**
 * Payload of {@code AutoUnlockDue} (version 1) on {@code escalation.events}: ticket-service should
 * unlock the ticket (reads {@code ticketId}; unlocks with reason {@code timeout} if still locked).
 *
 * @param ticketId   ticket id
 * @param owner      the agent holding the lock, may be null
 * @param reason     {@code timeout}: the queue's unlock timeout elapsed in business minutes since the
 *                   timer start (SPEC K1/K2); {@code escalated}: a clock of the locked ticket escalated
 * @param timerStart for {@code timeout}: the lock or article the timeout counts from; else null
 * @param timeoutMinutes for {@code timeout}: the queue's unlock timeout; else 0
 */
public record AutoUnlockDue(
        long ticketId,
        String owner,
        String reason,
        Instant timerStart,
        int timeoutMinutes) {
}
