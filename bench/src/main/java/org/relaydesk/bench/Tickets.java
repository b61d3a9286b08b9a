package org.relaydesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.relaydesk.contracts.Json;

/** Ticket requests used by the benchmarks (phone tickets in the Raw queue, id 2). */
final class Tickets {

    private static final AtomicLong SEQ = new AtomicLong();

    private Tickets() {
    }

    static HttpRequest create(String baseUrl, String token) {
        long n = SEQ.incrementAndGet();
        String body = """
                {"title":"Bench ticket %d: VPN drops every few minutes","queueId":2,"channel":"phone",
                 "customerUserId":"customer1",
                 "article":{"kind":"phone","subject":"VPN drops every few minutes",
                            "body":"Customer reports the VPN client disconnects roughly every five minutes since the last update. Call %d."}}
                """.formatted(n, n);
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/tickets")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static long createOne(String token) throws Exception {
        HttpResponse<String> response = Load.HTTP.send(create("http://127.0.0.1:8081", token), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("could not create a ticket: " + response.statusCode() + " " + response.body());
        }
        JsonNode json = Json.MAPPER.readTree(response.body());
        return json.get("id").asLong();
    }
}
