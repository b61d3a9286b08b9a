package org.relaydesk.escalation.clock;

import java.time.Instant;

/**
 * All clocks of one ticket at one instant (SPEC L).
 *
 * @param computedAt     the "now" they were computed for
 * @param firstResponse  first-response clock
 * @param update         update clock
 * @param solution       solution clock
 * @param escalationAt   min(dueAt) of the counting clocks (RUNNING or BREACHED); null while the ticket is
 *                       suspended (F3) or closed (F1). Sorting key of the escalation view (H1).
 * @param paused         the ticket is in a suspend state now (F3): no due times, no notifications (I4)
 * @param closed         the ticket is closed, merged or removed now (F1)
 * @param calendarId     the calendar resolved per A3
 */
public record TicketClocks(
        Instant computedAt,
        ClockResult firstResponse,
        ClockResult update,
        ClockResult solution,
        Instant escalationAt,
        boolean paused,
        boolean closed,
        String calendarId) {

    public ClockResult clock(ClockKind kind) {
        return switch (kind) {
            case FIRST_RESPONSE -> firstResponse;
            case UPDATE -> update;
            case SOLUTION -> solution;
        };
    }

    /**
     * Breach history is immutable (G4): keeps a breachedAt recorded earlier when the fresh
     * computation has none or a later one, e.g. after a move to a queue with a larger budget or with
     * the clock switched off (G3). The first-response and solution clocks always count from creation;
     * an update clock keeps an earlier breach only while it counts from the same anchor (another
     * episode has its own breach).
     */
    public TicketClocks keepBreaches(TicketClocks previous) {
        if (previous == null) {
            return this;
        }
        return new TicketClocks(computedAt,
                keep(firstResponse, previous.firstResponse),
                keep(update, previous.update),
                keep(solution, previous.solution),
                escalationAt, paused, closed, calendarId);
    }

    private static ClockResult keep(ClockResult now, ClockResult before) {
        if (before == null || before.breachedAt() == null) {
            return now;
        }
        if (now.kind() == ClockKind.UPDATE && (before.anchor() == null || !before.anchor().equals(now.anchor()))) {
            return now;
        }
        if (now.breachedAt() == null || before.breachedAt().isBefore(now.breachedAt())) {
            return now.withBreachedAt(before.breachedAt());
        }
        return now;
    }
}
