package org.relaydesk.ticket;

/**
 * Strategy that hands out ticket numbers. Implementations must be unique under concurrency
 * across every instance of the service; the configured one is picked by name
 * ({@code relaydesk.ticket.number-generator}).
 */
public interface TicketNumberGenerator {

    /** The name this strategy is configured by, e.g. {@code date-checksum}. */
    String name();

    /** The next ticket number. */
    String next();
}
