package org.relaydesk.escalation.timer;

import java.time.Instant;
import java.time.LocalDate;
import org.relaydesk.escalation.calendar.BusinessCalendar;
import org.relaydesk.escalation.clock.ClockKind;

/** Business-hours gating and once-per-business-day deduplication of notifications (SPEC I2, I3). */
public final class NotificationGate {

    private NotificationGate() {
    }

    /** I3: deliver now if the ticket's calendar is in business time, else at the next window start. */
    public static Instant deliveryAt(Instant eventAt, BusinessCalendar calendar) {
        return calendar.nextBusinessInstant(eventAt);
    }

    /** I2: the business day a delivery belongs to: its local date in the calendar zone. */
    public static LocalDate businessDay(Instant deliveredAt, BusinessCalendar calendar) {
        return calendar.localDate(deliveredAt);
    }

    /** What a notification is kind of. */
    public enum Kind { WARNING, ESCALATED, PENDING_REMINDER }

    /**
     * I2 / SPEC section 6: idempotency key: one notification per recipient, clock and kind per business day.
     *
     * @param clock null for pending reminders
     */
    public record DedupKey(long ticketId, ClockKind clock, Kind kind, String recipient, LocalDate businessDay) {

        public static DedupKey of(long ticketId, ClockKind clock, Kind kind, String recipient, Instant deliveredAt,
                BusinessCalendar calendar) {
            return new DedupKey(ticketId, clock, kind, recipient, NotificationGate.businessDay(deliveredAt, calendar));
        }
    }
}
