package org.relaydesk.ticket.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the gateway's {@code X-Request-Id} into the logging context of the request, so log lines
 * and the events the request causes (see {@code Outbox}) carry it.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    @ServerRequestFilter(preMatching = true)
    public void capture(ContainerRequestContext request) {
        String requestId = request.getHeaderString(HEADER);
        if (requestId != null && !requestId.isBlank() && requestId.length() <= 128) {
            MDC.put(MDC_KEY, requestId);
        } else {
            MDC.remove(MDC_KEY);
        }
    }

    /** The current request's id, or null outside a request or when the caller sent none. */
    public static String current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? null : value.toString();
    }
}
