package org.relaydesk.escalation.clock;

/** The three escalation clocks (SPEC C, D, E). */
public enum ClockKind {
    FIRST_RESPONSE,
    UPDATE,
    SOLUTION
}
