package org.relaydesk.mailgateway.client;

/** ticket-service could not be reached or answered with a temporary error: try again later. */
public class TicketServiceUnavailable extends RuntimeException {

    public TicketServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
