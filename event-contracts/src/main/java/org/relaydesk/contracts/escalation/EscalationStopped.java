package org.relaydesk.contracts.escalation;

import java.util.List;

/**
 * Payload of {@code EscalationStopped} (version 1) on {@code escalation.events}: a clock that had
 * escalated left escalation (OTRS {@code Escalation…TimeStop}): it was met, the ticket closed, the
 * clock was switched off by a settings change (SPEC G3), or a larger budget moved its due time
 * into the future.
 *
 * @param ticketId          ticket id
 * @param kind              the clock: FIRST_RESPONSE, UPDATE or SOLUTION
 * @param reason            MET, CLOSED, NOT_CONFIGURED, PAUSED or RESCHEDULED
 * @param stillEscalated    the ticket's clocks that remain escalated after this event (empty: the ticket is
 *                          no longer escalated)
 */
public record EscalationStopped(
        long ticketId,
        String kind,
        String reason,
        List<String> stillEscalated) {
}
