package org.relaydesk.contracts.escalation;

import java.time.Instant;

/**
 * Payload of {@code EscalationWarning} (version 1) on {@code escalation.events}: the notify-before
 * percentage of a clock's budget has elapsed (SPEC H2), edge-triggered once per clock and anchor.
 * Business-hours gating and recipients are the notification-service's job (SPEC I1-I3).
 *
 * @param ticketId     ticket id
 * @param ticketNumber ticket number, may be null when escalation-service never saw it
 * @param clock        FIRST_RESPONSE, UPDATE or SOLUTION
 * @param anchor       where the clock counts from
 * @param warnAt       the warning instant
 * @param dueAt        the due instant
 * @param queueId      queue id (text)
 * @param slaId        SLA id (text), may be null
 * @param calendarId   the calendar the clock runs in (SPEC A3)
 * @param ownerId      owner, may be null
 * @param locked       whether the ticket is locked
 * @param deliverFrom  SPEC I3: the first business instant of the ticket's calendar at or after the
 *                     event (the event's own time when that is business time); mails wait until then.
 *                     Null in events written before this field existed
 * @param businessDay  SPEC I2: the calendar's local date of {@code deliverFrom} (ISO), the day the
 *                     once-per-business-day dedupe counts; null in older events
 */
public record EscalationWarning(
        long ticketId,
        String ticketNumber,
        String clock,
        Instant anchor,
        Instant warnAt,
        Instant dueAt,
        String queueId,
        String slaId,
        String calendarId,
        String ownerId,
        boolean locked,
        Instant deliverFrom,
        String businessDay) {
}
