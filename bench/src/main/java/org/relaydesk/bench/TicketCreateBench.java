package org.relaydesk.bench;

import org.relaydesk.testsupport.KeycloakTokens;

/**
 * Ticket creation with a first article through the REST API at a fixed concurrency (closed
 * model); prints throughput and latency percentiles. Each create commits the ticket, its article,
 * history rows and two outbox events in one transaction.
 *
 * <p>Run: {@code bench/run.sh TicketCreateBench [concurrency=16] [seconds=30] [baseUrl=http://127.0.0.1:8081]}
 */
public final class TicketCreateBench {

    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String baseUrl = args.length > 2 ? args[2] : "http://127.0.0.1:8081";
        String token = KeycloakTokens.apiClient();
        Load.closedModel(() -> Tickets.create(baseUrl, token), concurrency, 5); // warm-up
        Load.Result result = Load.closedModel(() -> Tickets.create(baseUrl, token), concurrency, seconds);
        System.out.println("TicketCreateBench concurrency=" + concurrency + " duration=" + seconds + " s against " + baseUrl);
        System.out.println("  " + result.summary());
    }

    private TicketCreateBench() {
    }
}
