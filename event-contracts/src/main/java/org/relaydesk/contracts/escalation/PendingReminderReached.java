package org.relaydesk.contracts.escalation;

import java.time.Instant;

/**
 * Payload of {@code PendingReminderReached} (version 1) on {@code escalation.events}: the pending
 * time of a ticket in a pending-reminder state has passed (SPEC J3). Published only inside the
 * business hours of the ticket's calendar (the first business instant at or after the pending time,
 * SPEC I3/T36) and repeated at most once per business day until the state changes.
 *
 * @param ticketId     ticket id
 * @param ticketNumber ticket number, may be null
 * @param pendingUntil the pending time chosen by the agent
 * @param state        state name
 * @param queueId      queue id (text)
 * @param calendarId   calendar used for gating
 * @param ownerId      owner, may be null
 * @param responsible  not known to escalation-service yet, always null
 * @param locked       locked: owner and responsible are notified; unlocked: also the queue's agents
 * @param repeat       0 for the first reminder, then 1, 2, ... (once per business day)
 * @param deliverFrom  SPEC I3: the first business instant of the ticket's calendar at or after the
 *                     event (the event's own time when that is business time); mails wait until then.
 *                     Null in events written before this field existed
 * @param businessDay  SPEC I2: the calendar's local date of {@code deliverFrom} (ISO), the day the
 *                     once-per-business-day dedupe counts; null in older events
 */
public record PendingReminderReached(
        long ticketId,
        String ticketNumber,
        Instant pendingUntil,
        String state,
        String queueId,
        String calendarId,
        String ownerId,
        String responsible,
        boolean locked,
        int repeat,
        Instant deliverFrom,
        String businessDay) {
}
