package org.relaydesk.escalation.timer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.relaydesk.escalation.calendar.BusinessCalendar;
import org.relaydesk.escalation.clock.StateType;

/**
 * Pending reminder and pending auto close (SPEC J). The pending time is an absolute wall-clock
 * instant chosen by the agent, never business time (J1).
 */
public final class PendingTimers {

    /** OTRS {@code Ticket::StateAfterPending} defaults (J2). */
    public static final Map<String, String> DEFAULT_STATE_AFTER_PENDING = Map.of(
            "pending auto close+", "closed successful",
            "pending auto close-", "closed unsuccessful");

    private final Map<String, String> stateAfterPending;

    public PendingTimers(Map<String, String> stateAfterPending) {
        this.stateAfterPending = Map.copyOf(stateAfterPending);
    }

    public PendingTimers() {
        this(DEFAULT_STATE_AFTER_PENDING);
    }

    /**
     * J4: a pending state needs a pending time.
     *
     * @throws IllegalArgumentException for a pending state type without a pending time
     */
    public static void requirePendingTime(StateType type, Instant pendingUntil) {
        if (type.isPending() && pendingUntil == null) {
            throw new IllegalArgumentException("a " + type.wireName() + " state needs a pending time (SPEC J4)");
        }
    }

    /**
     * J2: when a pending auto close± ticket is closed: exactly at its pending time, with no business-hours
     * gating (T37).
     */
    public Instant autoCloseAt(StateType type, Instant pendingUntil) {
        requirePendingTime(type, pendingUntil);
        if (type != StateType.PENDING_AUTO) {
            throw new IllegalArgumentException("not a pending auto state: " + type);
        }
        return pendingUntil;
    }

    /** J2: the closed state a pending auto state switches to, e.g. close+ → closed successful. */
    public String stateAfterPending(String pendingStateName) {
        String next = stateAfterPending.get(pendingStateName);
        if (next == null) {
            throw new IllegalArgumentException("no state after pending configured for '" + pendingStateName + "'");
        }
        return next;
    }

    /**
     * J3 + I3: when the pending-reminder notification is delivered: the pending time if it lies in
     * business time of the ticket's calendar, else the next window start (T36: Sat 10:00 → Mon 09:00).
     */
    public static Instant reminderDeliveryAt(Instant pendingUntil, BusinessCalendar calendar) {
        Objects.requireNonNull(pendingUntil, "pendingUntil");
        return calendar.nextBusinessInstant(pendingUntil);
    }

    /**
     * J3: the reminder repeats at most once per business day until the state changes: the next
     * delivery is the first business instant on a later local date than {@code lastDelivered}.
     */
    public static Instant nextReminderAfter(Instant lastDelivered, BusinessCalendar calendar) {
        LocalDate next = calendar.localDate(lastDelivered).plusDays(1);
        return calendar.nextBusinessInstant(next.atStartOfDay(calendar.zone()).toInstant());
    }
}
