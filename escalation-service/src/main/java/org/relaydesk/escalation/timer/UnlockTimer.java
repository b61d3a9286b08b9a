package org.relaydesk.escalation.timer;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.relaydesk.escalation.calendar.BusinessCalendar;
import org.relaydesk.escalation.clock.SenderType;
import org.relaydesk.escalation.clock.StateType;
import org.relaydesk.escalation.clock.TicketTimeline;
import org.relaydesk.escalation.clock.TicketTimeline.ArticleAdded;
import org.relaydesk.escalation.clock.TicketTimeline.Change;
import org.relaydesk.escalation.clock.TicketTimeline.LockChanged;
import org.relaydesk.escalation.clock.TicketTimeline.StateChanged;

/**
 * Auto-unlock after the queue's unlock timeout (SPEC K): counted in business minutes of the
 * ticket's calendar by default (OTRS), in wall-clock minutes as an option (Zammad, K3).
 */
public final class UnlockTimer {

    /** How the timeout is counted. */
    public enum Counting { BUSINESS_MINUTES, WALL_CLOCK_MINUTES }

    /** OTRS {@code Ticket::UnlockStateType} default: new and open (K1). */
    public static final Set<StateType> DEFAULT_UNLOCK_STATE_TYPES = EnumSet.of(StateType.NEW, StateType.OPEN);

    private final Counting counting;
    private final Set<StateType> unlockStateTypes;

    public UnlockTimer(Counting counting, Set<StateType> unlockStateTypes) {
        this.counting = Objects.requireNonNull(counting, "counting");
        this.unlockStateTypes = Set.copyOf(unlockStateTypes);
    }

    public UnlockTimer() {
        this(Counting.BUSINESS_MINUTES, DEFAULT_UNLOCK_STATE_TYPES);
    }

    /**
     * K2: the instant the unlock timeout counts from, as of {@code now}: set on lock, on any agent
     * article (internal notes included), and on a customer article whose previous non-system article
     * came from an agent. Null when the ticket is not locked now.
     */
    public static Instant timerStart(TicketTimeline timeline, Instant now) {
        boolean locked = timeline.initiallyLocked();
        Instant start = locked ? timeline.createdAt() : null;
        SenderType previousNonSystem = null;
        for (Change change : timeline.changes()) {
            if (change.at().isAfter(now)) {
                break;
            }
            if (change instanceof LockChanged lc) {
                locked = lc.locked();
                start = lc.locked() ? lc.at() : null;
            } else if (change instanceof ArticleAdded a) {
                if (a.sender() == SenderType.AGENT
                        || (a.sender() == SenderType.CUSTOMER && previousNonSystem == SenderType.AGENT)) {
                    start = a.at();
                }
                if (a.sender() != SenderType.SYSTEM) {
                    previousNonSystem = a.sender();
                }
            }
        }
        return locked ? start : null;
    }

    /** When a ticket locked with timer start {@code timerStart} is unlocked (K1; T38 business, T38z wall clock). */
    public Instant unlockAt(Instant timerStart, int timeoutMinutes, BusinessCalendar calendar) {
        if (timeoutMinutes <= 0) {
            return null; // 0 = off
        }
        return switch (counting) {
            case BUSINESS_MINUTES -> calendar.add(timerStart, Duration.ofMinutes(timeoutMinutes));
            case WALL_CLOCK_MINUTES -> timerStart.plus(Duration.ofMinutes(timeoutMinutes));
        };
    }

    /**
     * K1: when the ticket is due for auto-unlock as of {@code now}, or null: not locked, timeout off,
     * or a state type outside the unlock state types (pending tickets are never auto-unlocked).
     */
    public Instant unlockDueAt(TicketTimeline timeline, Instant now, int timeoutMinutes, BusinessCalendar calendar) {
        StateType type = timeline.initialStateType();
        for (Change change : timeline.changes()) {
            if (change.at().isAfter(now)) {
                break;
            }
            if (change instanceof StateChanged sc) {
                type = sc.stateType();
            }
        }
        if (!unlockStateTypes.contains(type)) {
            return null;
        }
        Instant start = timerStart(timeline, now);
        return start == null ? null : unlockAt(start, timeoutMinutes, calendar);
    }
}
