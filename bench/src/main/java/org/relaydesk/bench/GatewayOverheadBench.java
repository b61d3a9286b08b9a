package org.relaydesk.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.relaydesk.testsupport.KeycloakTokens;

/**
 * Gateway overhead: the same cheap authenticated read ({@code GET /api/tickets/{id}}) at a fixed
 * rate, once straight to ticket-service and once through the gateway; prints both latency
 * distributions and the difference. Start the gateway with rate limits above the test rate, e.g.
 * {@code RELAYDESK_GATEWAY_USER_REQUESTS_PER_SECOND=100000 RELAYDESK_GATEWAY_CLIENT_REQUESTS_PER_SECOND=100000}.
 *
 * <p>Run: {@code bench/run.sh GatewayOverheadBench [rate=1000] [seconds=20] [path]}; without a path it reads a new ticket.
 */
public final class GatewayOverheadBench {

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String token = KeycloakTokens.apiClient();
        // a cheap upstream endpoint shows the gateway's own share best; default: one ticket
        String path = args.length > 2 ? args[2] : "/api/tickets/" + Tickets.createOne(token);

        // warm both paths (JIT, connection pools, token verification caches)
        Load.openModel(() -> get("http://127.0.0.1:8081" + path, token), Math.min(rate, 500), 5);
        Load.openModel(() -> get("http://127.0.0.1:8080" + path, token), Math.min(rate, 500), 5);

        // alternate the two paths and keep the second round, so neither profits from running last
        Load.Result direct = null;
        Load.Result viaGateway = null;
        for (int round = 0; round < 2; round++) {
            direct = Load.openModel(() -> get("http://127.0.0.1:8081" + path, token), rate, seconds);
            viaGateway = Load.openModel(() -> get("http://127.0.0.1:8080" + path, token), rate, seconds);
        }
        System.out.println("GatewayOverheadBench rate=" + rate + "/s duration=" + seconds + " s, GET " + path);
        System.out.println("  direct to ticket-service : " + direct.summary());
        System.out.println("  through api-gateway      : " + viaGateway.summary());
        System.out.printf("  added by the gateway     : p50=%.2f ms  p99=%.2f ms%n",
                (viaGateway.micros().getValueAtPercentile(50) - direct.micros().getValueAtPercentile(50)) / 1000.0,
                (viaGateway.micros().getValueAtPercentile(99) - direct.micros().getValueAtPercentile(99)) / 1000.0);
    }

    static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private GatewayOverheadBench() {
    }
}
