package org.relaydesk.escalation.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks ticket-service, the owner of queue permissions, whether the caller may read a ticket. The
 * call carries the caller's own access token and has the REST client's connect and read timeouts;
 * there is no retry: the caller waits for the answer, and a failure is answered at once as "try
 * again later".
 */
@ApplicationScoped
public class TicketServiceClient {

    private static final Logger LOG = Logger.getLogger(TicketServiceClient.class);

    /** What ticket-service said about the caller and the ticket. */
    public enum Access {
        /** The caller may read the ticket. */
        READABLE,
        /** The ticket exists, but not for the caller (403). */
        FORBIDDEN,
        /** ticket-service knows no such ticket (404). */
        NOT_FOUND
    }

    @Inject
    @RestClient
    TicketServiceApi api;

    /**
     * Whether the caller may read the ticket.
     *
     * @param accessToken the caller's verified access token (raw JWT), passed on as a bearer token
     * @throws TicketServiceUnavailable when ticket-service cannot be reached, times out or answers
     *         anything but 2xx, 403 or 404
     */
    public Access readAccess(String accessToken, long ticketId) {
        try {
            api.ticket("Bearer " + accessToken, ticketId, false);
            return Access.READABLE;
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status == 403) {
                return Access.FORBIDDEN;
            }
            if (status == 404) {
                return Access.NOT_FOUND;
            }
            throw unavailable(ticketId, "answered " + status, e);
        } catch (RuntimeException e) {
            // connection refused, timeouts (ProcessingException) and other client-side trouble
            throw unavailable(ticketId, "failed: " + root(e), e);
        }
    }

    private static TicketServiceUnavailable unavailable(long ticketId, String what, RuntimeException cause) {
        String message = "ticket-service: read check of ticket " + ticketId + " " + what;
        LOG.warn(message);
        return new TicketServiceUnavailable(message, cause);
    }

    private static String root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
