package org.relaydesk.mailgateway.service;

/** No queue could be determined for a new ticket: the mail goes to the quarantine with this reason. */
public class RoutingException extends RuntimeException {

    public RoutingException(String message) {
        super(message);
    }
}
