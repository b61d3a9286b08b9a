package org.relaydesk.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.relaydesk.contracts.Json;

/**
 * Real access tokens from the local Keycloak realm {@code relaydesk}, cached until shortly
 * before they expire. Demo users have their user name as password (deploy/local/keycloak).
 */
public final class KeycloakTokens {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private KeycloakTokens() {
    }

    /** A token for a demo user (password grant on the public {@code relaydesk-cli} client). */
    public static String user(String username) {
        return CACHE.computeIfAbsent("user:" + username, k -> fetch(Map.of(
                "grant_type", "password",
                "client_id", "relaydesk-cli",
                "username", username,
                "password", username)))
                .valid(() -> user(username), "user:" + username);
    }

    /** A token for a confidential client (client credentials grant). */
    public static String client(String clientId, String secret) {
        String key = "client:" + clientId;
        return CACHE.computeIfAbsent(key, k -> fetch(Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", secret)))
                .valid(() -> client(clientId, secret), key);
    }

    /** The token of the confidential API client that other systems use. */
    public static String apiClient() {
        return client("relaydesk-api", "relaydesk-api-secret");
    }

    private static Cached fetch(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(LocalStack.realmUrl() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): " + response.body());
            }
            JsonNode json = Json.MAPPER.readTree(response.body());
            long lifetime = json.get("expires_in").asLong();
            // reuse a token for most of its life, but never past it (short-lived test tokens too)
            long reuse = lifetime > 60 ? lifetime - 30 : lifetime / 2;
            return new Cached(json.get("access_token").asText(), Instant.now().plusSeconds(reuse));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + LocalStack.KEYCLOAK
                    + " (is the local stack up? ./relaydesk stack up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Cached(String token, Instant expiresAt) {
        String valid(java.util.function.Supplier<String> refetch, String key) {
            if (Instant.now().isBefore(expiresAt)) {
                return token;
            }
            CACHE.remove(key, this);
            return refetch.get();
        }
    }
}
