package org.relaydesk.escalation.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.relaydesk.escalation.calendar.BusinessCalendar;
import org.relaydesk.escalation.clock.ArticleChannel;
import org.relaydesk.escalation.clock.ClockKind;
import org.relaydesk.escalation.clock.SenderType;
import org.relaydesk.escalation.clock.StateType;
import org.relaydesk.escalation.clock.TicketTimeline;

/** Pending timers, auto-unlock and notification gating (SPEC I2, I3, J, K). */
class TimersTest {

    private static final BusinessCalendar OFFICE = BusinessCalendar.builder("A", ZoneId.of("Europe/Amsterdam"))
            .window(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "09:00", "17:00").build();

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static final Instant CREATED = at("2025-03-04T09:00:00+01:00");

    @Test
    void timerStartFollowsK2() {
        TicketTimeline.Builder b = TicketTimeline.builder(CREATED, "Q")
                .article(CREATED, SenderType.CUSTOMER, true, ArticleChannel.EMAIL)
                .lock(at("2025-03-04T09:10:00+01:00"))
                .article(at("2025-03-04T09:20:00+01:00"), SenderType.AGENT, false, ArticleChannel.NOTE)
                .article(at("2025-03-04T09:25:00+01:00"), SenderType.SYSTEM, true, ArticleChannel.EMAIL)
                .article(at("2025-03-04T09:30:00+01:00"), SenderType.CUSTOMER, true, ArticleChannel.EMAIL)
                .article(at("2025-03-04T09:40:00+01:00"), SenderType.CUSTOMER, true, ArticleChannel.EMAIL)
                .unlock(at("2025-03-04T10:00:00+01:00"));
        TicketTimeline t = b.build();
        assertNull(UnlockTimer.timerStart(t, at("2025-03-04T09:05:00+01:00")), "not locked yet");
        assertEquals(at("2025-03-04T09:10:00+01:00"), UnlockTimer.timerStart(t, at("2025-03-04T09:15:00+01:00")));
        assertEquals(at("2025-03-04T09:20:00+01:00"), UnlockTimer.timerStart(t, at("2025-03-04T09:26:00+01:00")),
                "internal agent note resets, system article does not");
        assertEquals(at("2025-03-04T09:30:00+01:00"), UnlockTimer.timerStart(t, at("2025-03-04T09:35:00+01:00")),
                "customer after agent (system article skipped) resets");
        assertEquals(at("2025-03-04T09:30:00+01:00"), UnlockTimer.timerStart(t, at("2025-03-04T09:45:00+01:00")),
                "customer after customer does not");
        assertNull(UnlockTimer.timerStart(t, at("2025-03-04T10:00:00+01:00")), "unlocked");
    }

    @Test
    void unlockCountsBusinessMinutesOnlyForNewAndOpenTickets() { // K1, T38
        Instant lock = at("2025-03-07T16:00:00+01:00");
        TicketTimeline open = TicketTimeline.builder(CREATED, "Q").lock(lock).build();
        UnlockTimer timer = new UnlockTimer();
        assertEquals(at("2025-03-10T10:00:00+01:00"), timer.unlockDueAt(open, lock, 120, OFFICE));
        assertNull(timer.unlockDueAt(open, lock, 0, OFFICE), "0 = off");
        TicketTimeline pending = TicketTimeline.builder(CREATED, "Q").lock(lock)
                .state(lock.plusSeconds(60), "pending reminder", StateType.PENDING_REMINDER, lock.plusSeconds(3600))
                .build();
        assertNull(timer.unlockDueAt(pending, lock.plusSeconds(120), 120, OFFICE), "pending tickets are never auto-unlocked");
        UnlockTimer wall = new UnlockTimer(UnlockTimer.Counting.WALL_CLOCK_MINUTES, UnlockTimer.DEFAULT_UNLOCK_STATE_TYPES);
        assertEquals(at("2025-03-07T18:00:00+01:00"), wall.unlockDueAt(open, lock, 120, OFFICE)); // T38z
    }

    @Test
    void reminderIsDeliveredInBusinessHoursAndRepeatsOncePerBusinessDay() { // J3, I3, T36
        Instant saturday = at("2025-03-08T10:00:00+01:00");
        Instant first = PendingTimers.reminderDeliveryAt(saturday, OFFICE);
        assertEquals(at("2025-03-10T09:00:00+01:00"), first);
        assertEquals(at("2025-03-11T09:00:00+01:00"), PendingTimers.nextReminderAfter(first, OFFICE));
        assertEquals(at("2025-03-10T09:00:00+01:00"),
                PendingTimers.nextReminderAfter(at("2025-03-07T16:59:00+01:00"), OFFICE), "Friday -> Monday");
        Instant inHours = at("2025-03-05T14:00:00+01:00");
        assertEquals(inHours, PendingTimers.reminderDeliveryAt(inHours, OFFICE));
    }

    @Test
    void autoCloseHappensAtThePendingTime() { // J2, J4, T37
        PendingTimers timers = new PendingTimers();
        Instant saturday = at("2025-03-08T10:00:00+01:00");
        assertEquals(saturday, timers.autoCloseAt(StateType.PENDING_AUTO, saturday));
        assertEquals("closed unsuccessful", timers.stateAfterPending("pending auto close-"));
        assertThrows(IllegalArgumentException.class, () -> timers.autoCloseAt(StateType.PENDING_AUTO, null));
        assertThrows(IllegalArgumentException.class, () -> PendingTimers.requirePendingTime(StateType.PENDING_REMINDER, null));
        PendingTimers.requirePendingTime(StateType.OPEN, null);
    }

    @Test
    void notificationsAreGatedAndDeduplicatedPerBusinessDay() { // I2, I3
        Instant night = at("2025-03-04T23:30:00+01:00");
        Instant delivered = NotificationGate.deliveryAt(night, OFFICE);
        assertEquals(at("2025-03-05T09:00:00+01:00"), delivered);
        var morning = NotificationGate.DedupKey.of(7, ClockKind.UPDATE, NotificationGate.Kind.ESCALATED, "agent1",
                delivered, OFFICE);
        var afternoon = NotificationGate.DedupKey.of(7, ClockKind.UPDATE, NotificationGate.Kind.ESCALATED, "agent1",
                at("2025-03-05T16:59:00+01:00"), OFFICE);
        var nextDay = NotificationGate.DedupKey.of(7, ClockKind.UPDATE, NotificationGate.Kind.ESCALATED, "agent1",
                at("2025-03-06T09:00:00+01:00"), OFFICE);
        assertEquals(morning, afternoon);
        assertNotEquals(morning, nextDay);
        // the business day is the calendar's local date, not UTC's
        assertEquals(java.time.LocalDate.of(2025, 3, 5),
                NotificationGate.businessDay(at("2025-03-04T23:30:00Z"), OFFICE));
    }
}
