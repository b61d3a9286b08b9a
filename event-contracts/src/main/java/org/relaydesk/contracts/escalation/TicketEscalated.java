package org.relaydesk.contracts.escalation;

import java.time.Instant;

/**
 * Payload of {@code TicketEscalated} (version 1) on {@code escalation.events}: a clock's due time
 * passed (SPEC H1, OTRS {@code Escalation…TimeStart}), edge-triggered once per clock and anchor.
 * ticket-service reads {@code ticketId} and {@code kind} (its history text).
 *
 * @param ticketId     ticket id
 * @param ticketNumber ticket number, may be null
 * @param kind         the clock that escalated: FIRST_RESPONSE, UPDATE or SOLUTION
 * @param anchor       where the clock counts from
 * @param dueAt        the due instant that passed
 * @param breachedAt   first time now ≥ due (SPEC G4)
 * @param queueId      queue id (text)
 * @param slaId        SLA id (text), may be null
 * @param calendarId   calendar (SPEC A3)
 * @param ownerId      owner, may be null
 * @param locked       whether the ticket is locked (an escalated locked ticket also gets {@code AutoUnlockDue})
 * @param deliverFrom  SPEC I3: the first business instant of the ticket's calendar at or after the
 *                     event (the event's own time when that is business time); mails wait until then.
 *                     Null in events written before this field existed
 * @param businessDay  SPEC I2: the calendar's local date of {@code deliverFrom} (ISO), the day the
 *                     once-per-business-day dedupe counts; null in older events
 */
public record TicketEscalated(
        long ticketId,
        String ticketNumber,
        String kind,
        Instant anchor,
        Instant dueAt,
        Instant breachedAt,
        String queueId,
        String slaId,
        String calendarId,
        String ownerId,
        boolean locked,
        Instant deliverFrom,
        String businessDay) {
}
