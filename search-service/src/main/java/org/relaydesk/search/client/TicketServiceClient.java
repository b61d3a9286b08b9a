package org.relaydesk.search.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.relaydesk.contracts.Json;
import org.relaydesk.search.config.SearchConfig;

/**
 * ticket-service's REST API, read with the {@code relaydesk-service} account (client credentials),
 * for a reindex, the queue permissions and attachment bytes. Each call has a timeout and is retried a few times.
 */
@ApplicationScoped
public class TicketServiceClient {

    @Inject
    SearchConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();
    private volatile String token;
    private volatile Instant tokenExpires = Instant.EPOCH;

    /** One page of tickets ({@code items}, {@code nextCursor}), oldest id first. */
    @Retry(maxRetries = 3, delay = 500)
    public JsonNode page(String cursor) {
        String q = "?sort=id&limit=" + config.ticketService().pageSize()
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return get("/api/tickets" + q);
    }

    /** A ticket with its articles. */
    @Retry(maxRetries = 3, delay = 500)
    public JsonNode ticket(long id) {
        return get("/api/tickets/" + id + "?articles=true");
    }

    /** One article of a ticket with its attachment list; null when it is not on that ticket (any more). */
    @Retry(maxRetries = 3, delay = 500)
    public JsonNode article(long ticketId, long articleId) {
        return get("/api/tickets/" + ticketId + "/articles/" + articleId);
    }

    /**
     * An attachment's bytes, null when the ticket, article or attachment is not there (404). Reads at
     * most {@code maxBytes}: a larger file is an {@link IllegalArgumentException}.
     */
    public byte[] attachment(long ticketId, long articleId, long attachmentId, long maxBytes) {
        String path = "/api/tickets/" + ticketId + "/articles/" + articleId + "/attachments/" + attachmentId;
        HttpRequest request = request(path, "*/*");
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ticket-service " + path + ": " + response.statusCode());
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new IllegalArgumentException("larger than " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        }
    }

    /** All queues (admin API): id, name, groupId. */
    public JsonNode queues() {
        return get("/api/admin/queues");
    }

    /** The Keycloak groups' permissions on a RelayDesk group (admin API): [{keycloakGroup, permissions}]. */
    public JsonNode groupGrants(long groupId) {
        return get("/api/admin/groups/" + groupId + "/permissions");
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = send(request(path, "application/json"), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("ticket-service " + path + ": " + response.statusCode() + " " + response.body());
        }
        return read(response.body());
    }

    /** A GET of ticket-service's API with the service token. */
    private HttpRequest request(String path, String accept) {
        return HttpRequest.newBuilder(URI.create(config.ticketService().url() + path))
                .timeout(config.ticketService().timeout())
                .header("Authorization", "Bearer " + token())
                .header("Accept", accept)
                .GET().build();
    }

    private synchronized String token() {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        var ts = config.ticketService();
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(ts.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(ts.clientSecret(), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(ts.tokenUrl()))
                .timeout(ts.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no service token: " + response.statusCode() + " " + response.body());
        }
        JsonNode json = read(response.body());
        token = json.path("access_token").asText();
        tokenExpires = Instant.now().plusSeconds(Math.max(10, json.path("expires_in").asLong(60) - 30));
        return token;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
