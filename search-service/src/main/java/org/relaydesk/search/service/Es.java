package org.relaydesk.search.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.relaydesk.contracts.Json;

/**
 * Thin JSON access to Elasticsearch through the low-level client: queries, aggregations and
 * bulk bodies are plain JSON, which keeps the request shapes visible and close to the docs.
 */
@ApplicationScoped
public class Es {

    @Inject
    RestClient client;

    /** Elasticsearch refused the request (4xx): retrying will not help. */
    public static class Rejected extends RuntimeException {
        public final int status;

        public Rejected(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    public JsonNode call(String method, String path, Object body) {
        return call(method, path, body == null ? null : Json.write(body), "application/json");
    }

    /** A bulk request; item failures as in {@link #checked}, a missing document or index (404) is no failure. */
    public JsonNode bulk(String ndjson, boolean refresh) {
        return checked(call("POST", "/_bulk" + (refresh ? "?refresh=wait_for" : ""), ndjson, "application/x-ndjson"), false);
    }

    /**
     * A bulk request whose every action must name an alias ({@code require_alias}): a missing alias
     * fails with a 404 {@link Rejected} instead of creating an index of that name with a guessed mapping.
     */
    public JsonNode bulkToAliases(String ndjson) {
        return checked(call("POST", "/_bulk?require_alias=true", ndjson, "application/x-ndjson"), true);
    }

    /**
     * Throws for the first failed item: 5xx and 429 as {@link IllegalStateException} (try again later),
     * other 4xx as {@link Rejected}; a 404 only when it is a missing index and {@code missingIndexFails}.
     */
    private static JsonNode checked(JsonNode result, boolean missingIndexFails) {
        if (!result.path("errors").asBoolean()) {
            return result;
        }
        for (JsonNode item : result.path("items")) {
            JsonNode op = item.elements().next();
            int status = op.path("status").asInt();
            if (status >= 500 || status == 429) {
                throw new IllegalStateException("bulk item failed: " + op);
            }
            if (status == 404) {
                if (missingIndexFails && "index_not_found_exception".equals(op.path("error").path("type").asText())) {
                    throw new Rejected(404, "bulk item failed: " + op);
                }
            } else if (status >= 400) {
                throw new Rejected(status, "bulk item rejected: " + op);
            }
        }
        return result;
    }

    /** Returns null on 404. */
    public JsonNode getOrNull(String path) {
        try {
            return call("GET", path, null);
        } catch (Rejected e) {
            if (e.status == 404) {
                return null;
            }
            throw e;
        }
    }

    public boolean exists(String path) {
        try {
            Response r = client.performRequest(new Request("HEAD", path));
            return r.getStatusLine().getStatusCode() == 200;
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return false;
            }
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode call(String method, String path, String body, String contentType) {
        Request request = new Request(method, path);
        if (body != null) {
            request.setEntity(new NStringEntity(body, ContentType.create(contentType, StandardCharsets.UTF_8)));
        }
        try {
            Response response = client.performRequest(request);
            if (response.getEntity() == null) {
                return Json.MAPPER.createObjectNode();
            }
            String text = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return text.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(text);
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            String text;
            try {
                text = EntityUtils.toString(e.getResponse().getEntity(), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException ignored) {
                text = e.getMessage();
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new Rejected(status, method + " " + path + ": " + status + " " + text);
            }
            throw new UncheckedIOException(new IOException(method + " " + path + ": " + status + " " + text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }
}
