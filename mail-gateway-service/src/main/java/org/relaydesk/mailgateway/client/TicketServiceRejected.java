package org.relaydesk.mailgateway.client;

/** ticket-service refused the request for good (a 4xx other than 401/403/404/408/429): retrying will not help. */
public class TicketServiceRejected extends RuntimeException {

    private final int status;
    private final String problemType;

    public TicketServiceRejected(int status, String problemType, String message) {
        super(message);
        this.status = status;
        this.problemType = problemType;
    }

    public int status() {
        return status;
    }

    /** The problem's {@code type}, e.g. {@code /problems/follow-up-rejected}, or null. */
    public String problemType() {
        return problemType;
    }
}
