package org.relaydesk.notification;

/**
 * What an agent can be notified about; each kind can be switched on by e-mail and in-app in the
 * agent's preferences.
 */
public enum NotificationKind {
    /** A new ticket in one of My Queues. */
    NEW_TICKET(true, false),
    /** A customer follow-up on a ticket I own/hold locked, or in My Queues when nobody owns it. */
    FOLLOW_UP(true, true),
    /** A ticket locked to me was unlocked by the lock timeout. */
    LOCK_TIMEOUT(true, true),
    /** A ticket moved into one of My Queues. */
    TICKET_MOVED(true, false),
    /** I became the owner of a ticket. */
    OWNER_SET(true, true),
    /** I became the responsible agent of a ticket. */
    RESPONSIBLE_SET(true, true),
    /** An escalation warning (notify-before) of a clock. */
    ESCALATION_WARNING(true, true),
    /** A clock escalated. */
    ESCALATION(true, true),
    /** The pending reminder time of a ticket was reached. */
    PENDING_REMINDER(true, true);

    private final boolean defaultInApp;
    private final boolean defaultEmail;

    NotificationKind(boolean defaultInApp, boolean defaultEmail) {
        this.defaultInApp = defaultInApp;
        this.defaultEmail = defaultEmail;
    }

    public boolean defaultInApp() {
        return defaultInApp;
    }

    public boolean defaultEmail() {
        return defaultEmail;
    }

    /** Escalation and reminder mails wait for business hours and are sent once per business day. */
    public boolean businessHoursOnly() {
        return this == ESCALATION_WARNING || this == ESCALATION || this == PENDING_REMINDER;
    }
}
