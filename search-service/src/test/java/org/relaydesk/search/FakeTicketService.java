package org.relaydesk.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.relaydesk.contracts.Json;

/**
 * A stand-in for ticket-service's ticket API ({@code GET /api/tickets}, {@code GET /api/tickets/{id}},
 * {@code GET /api/tickets/{id}/articles/{articleId}} and its {@code /attachments/{attachmentId}}) on a free local port,
 * so the reindex and attachment tests do not need the whole platform. It checks that a bearer token
 * is sent; tests put the tickets it serves into {@link #TICKETS}, attachment bytes into
 * {@link #ATTACHMENTS}, and set {@link #DOWN} to make the ticket API answer 503 (an outage).
 */
public class FakeTicketService implements QuarkusTestResourceLifecycleManager {

    /** Ticket id -> TicketView JSON with its articles, as ticket-service returns it. */
    static final ConcurrentSkipListMap<Long, ObjectNode> TICKETS = new ConcurrentSkipListMap<>();

    /** "ticketId/articleId/attachmentId" -> the attachment's bytes. */
    static final Map<String, byte[]> ATTACHMENTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** While true the ticket API answers 503 Service Unavailable. */
    static volatile boolean DOWN;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/tickets", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String path = exchange.getRequestURI().getPath();
            int status = 200;
            Object body;
            if (auth == null || !auth.startsWith("Bearer ")) {
                status = 401;
                body = Map.of("title", "Unauthorized");
            } else if (DOWN) {
                status = 503;
                body = Map.of("title", "Service Unavailable");
            } else if (path.contains("/attachments/")) {
                String[] p = path.split("/"); // "", api, tickets, {id}, articles, {articleId}, attachments, {attachmentId}
                byte[] file = ATTACHMENTS.get(p[3] + "/" + p[5] + "/" + p[7]);
                exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(file == null ? 404 : 200, file == null ? -1 : file.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    if (file != null) {
                        out.write(file);
                    }
                }
                return;
            } else if (path.matches("/api/tickets/\\d+/articles/\\d+")) {
                String[] p = path.split("/"); // "", api, tickets, {id}, articles, {articleId}
                ObjectNode t = TICKETS.get(Long.parseLong(p[3]));
                ObjectNode article = null;
                for (var a : t == null ? List.<com.fasterxml.jackson.databind.JsonNode>of() : t.path("articles")) {
                    if (a.path("id").asText().equals(p[5])) {
                        article = (ObjectNode) a;
                    }
                }
                status = article == null ? 404 : 200;
                body = article == null ? Map.of("title", "Not Found") : article;
            } else if (path.equals("/api/tickets")) {
                String query = exchange.getRequestURI().getQuery();
                long after = 0;
                for (String p : query == null ? new String[0] : query.split("&")) {
                    if (p.startsWith("cursor=")) {
                        after = Long.parseLong(p.substring(7));
                    }
                }
                List<ObjectNode> page = TICKETS.tailMap(after, false).values().stream().limit(2).toList();
                ArrayNode items = Json.MAPPER.createArrayNode();
                page.forEach(t -> items.add(t.deepCopy().without("articles")));
                ObjectNode result = Json.MAPPER.createObjectNode();
                result.set("items", items);
                boolean more = !page.isEmpty() && TICKETS.higherKey(page.get(page.size() - 1).get("id").asLong()) != null;
                result.put("nextCursor", more ? page.get(page.size() - 1).get("id").asText() : null);
                body = result;
            } else {
                ObjectNode t = TICKETS.get(Long.parseLong(path.substring(path.lastIndexOf('/') + 1)));
                status = t == null ? 404 : 200;
                body = t == null ? Map.of("title", "Not Found") : t;
            }
            byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        // the admin API the queue permission model is read from: the seed queues plus queue 7 "Vendors"
        // in group 4, which only Keycloak group triage may read (ro)
        server.createContext("/api/admin/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Object body;
            if (path.equals("/api/admin/queues")) {
                body = List.of(queue(1, "Postmaster", 1), queue(2, "Raw", 1), queue(3, "Junk", 1), queue(4, "Misc", 1),
                        queue(5, "Support", 2), queue(6, "Triage", 3), queue(7, "Vendors", 4));
            } else {
                int group = Integer.parseInt(path.split("/")[4]);
                body = switch (group) {
                    case 1 -> List.of(Map.of("keycloakGroup", "users", "permissions", List.of("rw")));
                    case 2 -> List.of(Map.of("keycloakGroup", "support-engineers", "permissions", List.of("rw")));
                    case 3 -> List.of(Map.of("keycloakGroup", "triage", "permissions", List.of("rw")));
                    default -> List.of(Map.of("keycloakGroup", "triage", "permissions", List.of("ro")),
                            Map.of("keycloakGroup", "users", "permissions", List.of("move_into")));
                };
            }
            byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return Map.of("relaydesk.search.ticket-service.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "relaydesk.search.permissions-refresh", "1S");
    }

    private static Map<String, Object> queue(int id, String name, int groupId) {
        return Map.of("id", id, "name", name, "groupId", groupId);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
