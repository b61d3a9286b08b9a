package org.relaydesk.mailgateway;

/** Delivery state of an outbound mail. */
public enum OutboundStatus {
    QUEUED,
    SENT,
    FAILED
}
