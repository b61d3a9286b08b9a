package org.relaydesk.escalation.clock;

/** Who wrote an article. */
public enum SenderType {
    AGENT,
    CUSTOMER,
    /** Auto responses, notifications: never a contact (SPEC C2, D1). */
    SYSTEM
}
