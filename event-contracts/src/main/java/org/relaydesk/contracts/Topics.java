package org.relaydesk.contracts;

/** Kafka topic names. Partition counts live in {@code deploy/local/topics.txt}. */
public final class Topics {

    /** Every change of a ticket, keyed by ticket id; written through ticket-service's outbox. */
    public static final String TICKET_EVENTS = "ticket.events";
    /** Escalation warnings, escalations, timers due; keyed by ticket id. */
    public static final String ESCALATION_EVENTS = "escalation.events";
    /** FAQ item changes, keyed by FAQ item id. */
    public static final String FAQ_EVENTS = "faq.events";
    /** Command topic: a mail to send (agent notifications), keyed by request id. */
    public static final String MAIL_OUTBOUND = "mail.outbound";
    /** Delivery results of outbound mail, keyed by ticket id. */
    public static final String MAIL_DELIVERY = "mail.delivery";
    /** Mails that could not be processed, keyed by mail id. */
    public static final String MAIL_QUARANTINE = "mail.quarantine";

    private Topics() {
    }
}
