package org.relaydesk.escalation.client;

/** ticket-service could not be reached or answered with an error: the permission is unknown, try again later. */
public class TicketServiceUnavailable extends RuntimeException {

    public TicketServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
