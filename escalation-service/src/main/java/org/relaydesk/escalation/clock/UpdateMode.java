package org.relaydesk.escalation.clock;

/** What the update clock measures (SPEC D2, D4, D5). */
public enum UpdateMode {
    /**
     * Default (D2): runs only while the newest counted contact is from the customer, from the oldest
     * customer contact after the last agent contact; an agent contact clears it. Zammad "for an
     * agent to respond", RT Response.
     */
    AWAITING_AGENT,
    /**
     * OTRS compatibility (D4): from the newest counted contact; if that is a customer run, from the
     * run's oldest article. The agent must also follow up on its own reply.
     */
    OTRS_LAST_CONTACT,
    /** Zammad "between agent updates" (D5): from the last counted agent contact, else creation. */
    AGENT_CADENCE
}
