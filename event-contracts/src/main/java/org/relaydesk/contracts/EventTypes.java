package org.relaydesk.contracts;

/** Event type names, as carried in {@link EventEnvelope#type()}. The catalogue is docs/events.md. */
public final class EventTypes {

    // ticket.events
    public static final String TICKET_CREATED = "TicketCreated";
    public static final String ARTICLE_ADDED = "ArticleAdded";
    public static final String TICKET_STATE_CHANGED = "TicketStateChanged";
    public static final String TICKET_MOVED = "TicketMoved";
    public static final String OWNER_CHANGED = "OwnerChanged";
    public static final String RESPONSIBLE_CHANGED = "ResponsibleChanged";
    public static final String TICKET_LOCKED = "TicketLocked";
    public static final String TICKET_UNLOCKED = "TicketUnlocked";
    public static final String PRIORITY_CHANGED = "PriorityChanged";
    public static final String PENDING_TIME_SET = "PendingTimeSet";
    public static final String DYNAMIC_FIELD_CHANGED = "DynamicFieldChanged";
    public static final String CUSTOMER_CHANGED = "CustomerChanged";
    public static final String TICKET_LINKED = "TicketLinked";
    public static final String TICKET_UNLINKED = "TicketUnlinked";
    public static final String TICKET_MERGED = "TicketMerged";
    public static final String TICKET_SPLIT = "TicketSplit";
    public static final String ARTICLE_SEEN = "ArticleSeen";
    public static final String TICKET_UPDATED = "TicketUpdated";
    public static final String TICKET_DELETED = "TicketDeleted";
    public static final String ARTICLE_DELIVERY_CHANGED = "ArticleDeliveryChanged";

    // escalation.events
    public static final String ESCALATION_WARNING = "EscalationWarning";
    public static final String TICKET_ESCALATED = "TicketEscalated";
    public static final String ESCALATION_STOPPED = "EscalationStopped";
    public static final String PENDING_REMINDER_REACHED = "PendingReminderReached";
    public static final String PENDING_AUTO_CLOSE_DUE = "PendingAutoCloseDue";
    public static final String AUTO_UNLOCK_DUE = "AutoUnlockDue";

    private EventTypes() {
    }
}
