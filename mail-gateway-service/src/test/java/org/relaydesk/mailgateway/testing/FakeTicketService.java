package org.relaydesk.mailgateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaydesk.contracts.Json;

/**
 * A STAND-IN for ticket-service, for this module's tests only: ticket-service is a separate
 * service that does not run inside mail-gateway's tests (and can be switched off here to prove
 * that mail waits while it is down). It answers the few endpoints the gateway calls, the way
 * ticket-service's resources do (201 on create, 200 for a Message-ID it knows, problem bodies),
 * and records every request. The real cross-service flow is covered by the end-to-end tests.
 */
public final class FakeTicketService {

    /** A request as received. */
    public record Call(String method, String path, String authorization, JsonNode body) {
    }

    private static final Pattern ARTICLES = Pattern.compile("/api/tickets/(\\d+)/articles");
    private static final Pattern BY_NUMBER = Pattern.compile("/api/tickets/by-number/(\\d+)");
    private static final Pattern ARTICLE = Pattern.compile("/api/tickets/(\\d+)/articles/(\\d+)");

    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private static final Map<String, Long> TICKET_BY_MESSAGE_ID = new ConcurrentHashMap<>();
    private static final Map<Long, String> NUMBERS = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong(1000);
    private static final Map<String, Integer> CREATED = new ConcurrentHashMap<>();
    private static int port;
    private static HttpServer server;

    private FakeTicketService() {
    }

    /** Picks the port (kept for the whole test run, so the gateway's configured URL stays valid). */
    public static synchronized int port() {
        if (port == 0) {
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return port;
    }

    public static synchronized void start() {
        if (server != null) {
            return;
        }
        // without it the JDK server's separate header and body writes meet delayed ACKs: ~40 ms per call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port()), 50);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port, e);
        }
        server.createContext("/", FakeTicketService::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
        server.start();
    }

    /** Stops listening: calls fail with "connection refused", as when ticket-service is down. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public static List<Call> calls() {
        return List.copyOf(CALLS);
    }

    /** Calls whose body carries this Message-ID (as the first article or as an article). */
    public static List<Call> callsWithMessageId(String messageId) {
        String bracketed = "<" + messageId + ">";
        return CALLS.stream().filter(c -> c.body() != null
                && (bracketed.equals(c.body().path("messageId").asText(null))
                || bracketed.equals(c.body().path("article").path("messageId").asText(null)))).toList();
    }

    /** Makes a ticket known (as if created by someone else), so articles can be added to it. */
    public static void knowTicket(long ticketId, String number) {
        NUMBERS.put(ticketId, number);
    }

    /** How many tickets were created (201) for a mail with this Message-ID (without brackets). */
    public static int ticketsCreatedFor(String messageId) {
        return CREATED.getOrDefault("<" + messageId + ">", 0);
    }

    public static String numberOf(long ticketId) {
        return NUMBERS.get(ticketId);
    }

    private static void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String method = x.getRequestMethod();
        byte[] in = x.getRequestBody().readAllBytes();
        JsonNode body = in.length == 0 ? null : Json.MAPPER.readTree(in);
        CALLS.add(new Call(method, path, x.getRequestHeaders().getFirst("Authorization"), body));
        Matcher m;
        if (method.equals("POST") && path.equals("/api/tickets")) {
            String messageId = body.path("article").path("messageId").asText();
            Long known = TICKET_BY_MESSAGE_ID.get(messageId);
            long id = known != null ? known : IDS.incrementAndGet();
            String number = NUMBERS.computeIfAbsent(id, k -> "20261123" + String.format("%08d", k));
            TICKET_BY_MESSAGE_ID.put(messageId, id);
            if (known == null) {
                CREATED.merge(messageId, 1, Integer::sum);
            }
            ObjectNode t = Json.MAPPER.createObjectNode().put("id", id).put("number", number)
                    .put("queueId", body.path("queueId").asLong()).put("version", 1);
            reply(x, known != null ? 200 : 201, t);
        } else if (method.equals("POST") && (m = ARTICLES.matcher(path)).matches()) {
            long ticketId = Long.parseLong(m.group(1));
            if (!NUMBERS.containsKey(ticketId)) {
                problem(x, 404, "not-found", "no ticket " + ticketId);
                return;
            }
            String messageId = body.path("messageId").asText(null);
            if (messageId != null) {
                TICKET_BY_MESSAGE_ID.put(messageId, ticketId);
            }
            reply(x, 201, Json.MAPPER.createObjectNode().put("id", IDS.incrementAndGet()).put("ticketId", ticketId));
        } else if (method.equals("GET") && (m = BY_NUMBER.matcher(path)).matches()) {
            String number = m.group(1);
            var found = NUMBERS.entrySet().stream().filter(e -> e.getValue().equals(number)).findFirst();
            if (found.isEmpty()) {
                problem(x, 404, "not-found", "no ticket " + number);
            } else {
                reply(x, 200, Json.MAPPER.createObjectNode().put("id", found.get().getKey()).put("number", number).put("version", 1));
            }
        } else if (method.equals("GET") && path.equals("/api/queues")) {
            ArrayNode queues = Json.MAPPER.createArrayNode();
            String[] names = {"Postmaster", "Raw", "Junk", "Misc", "Support", "Triage"};
            for (int i = 0; i < names.length; i++) {
                queues.add(Json.MAPPER.createObjectNode().put("id", i + 1).put("name", names[i]));
            }
            reply(x, 200, queues);
        } else if (method.equals("GET") && (m = ARTICLE.matcher(path)).matches()) {
            reply(x, 200, Json.MAPPER.createObjectNode().put("id", Long.parseLong(m.group(2)))
                    .set("attachments", Json.MAPPER.createArrayNode()));
        } else {
            problem(x, 404, "not-found", "no route " + method + " " + path);
        }
    }

    private static void problem(HttpExchange x, int status, String kind, String detail) throws IOException {
        x.getResponseHeaders().add("Content-Type", "application/problem+json");
        send(x, status, Json.MAPPER.createObjectNode().put("type", "/problems/" + kind).put("status", status)
                .put("detail", detail));
    }

    private static void reply(HttpExchange x, int status, JsonNode body) throws IOException {
        x.getResponseHeaders().add("Content-Type", "application/json");
        send(x, status, body);
    }

    private static void send(HttpExchange x, int status, JsonNode body) throws IOException {
        byte[] out = Json.write(body).getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, out.length);
        try (OutputStream os = x.getResponseBody()) {
            os.write(out);
        }
    }
}
