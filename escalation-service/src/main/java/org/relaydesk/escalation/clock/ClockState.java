package org.relaydesk.escalation.clock;

/** State of one clock (SPEC L). */
public enum ClockState {
    /**
     * No budget under the current settings (A1, G3). The update clock also reports this while it is
     * not armed yet, i.e. before the first response when a first-response budget exists (D3), or
     * when the ticket has no customer-visible contact at all.
     */
    NOT_CONFIGURED,
    /** Counting; {@code dueAt} in the future. */
    RUNNING,
    /** Suspended (F3): no due time, {@code remainingBusinessSeconds} frozen. */
    PAUSED,
    /**
     * Met: first response given, solution reached, or (update clock) the awaited customer contact was
     * answered by an agent. {@code breachedAt} is set when it was met late.
     */
    MET,
    /** now ≥ due (H1); stays breached during a later suspension (F5). */
    BREACHED,
    /** The ticket is closed, merged or removed without this clock having been met (F1). */
    CANCELLED_CLOSED
}
