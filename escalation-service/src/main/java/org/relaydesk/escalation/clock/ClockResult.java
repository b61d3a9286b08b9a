package org.relaydesk.escalation.clock;

import java.time.Instant;

/**
 * One clock of one ticket (SPEC L).
 *
 * @param kind                      which clock
 * @param state                     its state
 * @param anchor                    where the clock counts from (creation, or the update anchor), null when not configured
 * @param budgetMinutes             the budget under the current settings
 * @param calendarId                the calendar the clock is computed in
 * @param dueAt                     due instant; null when paused, met, cancelled or not configured
 * @param warnAt                    warning instant (H2); null when there is no due time or no notify percentage
 * @param remainingBusinessSeconds  budget minus consumed business time, at now (frozen while paused, at met/close
 *                                  otherwise); negative when overdue
 * @param breachedAt                the instant now ≥ due first held (H1, G4), for the current settings and anchor;
 *                                  the persistence layer keeps earlier breaches (see {@link TicketClocks#keepBreaches})
 * @param metAt                     when it was met, else null
 * @param businessMinutesToMet      floor(between(anchor, metAt)/60), suspensions excluded (C5, E4), else null
 */
public record ClockResult(
        ClockKind kind,
        ClockState state,
        Instant anchor,
        int budgetMinutes,
        String calendarId,
        Instant dueAt,
        Instant warnAt,
        Long remainingBusinessSeconds,
        Instant breachedAt,
        Instant metAt,
        Long businessMinutesToMet) {

    public static ClockResult notConfigured(ClockKind kind, int budgetMinutes, String calendarId) {
        return new ClockResult(kind, ClockState.NOT_CONFIGURED, null, budgetMinutes, calendarId,
                null, null, null, null, null, null);
    }

    /** Whether this clock counts toward the ticket's escalation time (RUNNING or BREACHED). */
    public boolean isCounting() {
        return state == ClockState.RUNNING || state == ClockState.BREACHED;
    }

    /** Statistic diff as in OTRS {@code FirstResponseDiffInMin}: budget minus minutes to met (C5). */
    public Long diffInMinutes() {
        return businessMinutesToMet == null ? null : budgetMinutes - businessMinutesToMet;
    }

    /** Whether a warning is active at {@code now}: warnAt ≤ now < due (H2). */
    public boolean isWarning(Instant now) {
        return warnAt != null && dueAt != null && !now.isBefore(warnAt) && now.isBefore(dueAt);
    }

    ClockResult withBreachedAt(Instant breached) {
        return new ClockResult(kind, state, anchor, budgetMinutes, calendarId, dueAt, warnAt,
                remainingBusinessSeconds, breached, metAt, businessMinutesToMet);
    }
}
