package org.relaydesk.mailgateway;

/** Where an inbound mail stands. Everything but RECEIVED and PROCESSING is final. */
public enum InboundStatus {
    /** Stored, waiting for (another) processing attempt at {@code nextAttemptAt}. */
    RECEIVED,
    /** Claimed by a worker until {@code nextAttemptAt} (a lease: after a crash it is taken again). */
    PROCESSING,
    /** ticket-service committed the ticket or article. */
    COMMITTED,
    /** A postmaster filter said ignore. */
    IGNORED,
    /** A bounce of our own mail: the original article was reported failed. */
    BOUNCE_HANDLED,
    /** Could not be parsed or processed: see the quarantine. */
    QUARANTINED,
    /** ticket-service refused it (follow-up to a closed ticket whose queue rejects follow-ups). */
    REJECTED;

    /** Whether the mail may leave its mailbox: it is processed for good. */
    public boolean isFinal() {
        return this != RECEIVED && this != PROCESSING;
    }
}
