package org.relaydesk.testsupport;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A minimal Server-Sent Events client on the JDK's HttpClient, for tests: opens a stream with a
 * bearer token (and optionally {@code Last-Event-ID}), parses events as they arrive and records
 * each with its arrival time ({@code try (var sse = SseClient.open(...))}).
 */
public final class SseClient implements AutoCloseable {

    /** One received event; {@code id} and {@code event} may be null. */
    public record Event(String id, String event, String data, Instant receivedAt) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Stream<String> lines;
    private final int status;
    private final Thread reader;

    private SseClient(URI uri, String bearer, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<Stream<String>> response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                    .get(10, TimeUnit.SECONDS);
            status = response.statusCode();
            lines = response.body();
        } catch (Exception e) {
            throw new IllegalStateException("could not open the event stream " + uri + ": " + e.getMessage(), e);
        }
        reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseClient open(URI uri, String bearer) {
        return new SseClient(uri, bearer, null);
    }

    public static SseClient open(URI uri, String bearer, String lastEventId) {
        return new SseClient(uri, bearer, lastEventId);
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data.length() > 0 || name != null) {
                        events.add(new Event(id, name, data.toString(), Instant.now()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = value(line, 3);
                } else if (line.startsWith("event:")) {
                    name = value(line, 6);
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(value(line, 5));
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // stream closed
        }
    }

    private static String value(String line, int from) {
        String v = line.substring(from);
        return v.startsWith(" ") ? v.substring(1) : v;
    }

    /** The HTTP status of the stream response. */
    public int status() {
        return status;
    }

    /** Everything received so far, in order. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** Waits until an event matching the predicate arrived and returns it. */
    public Event await(Predicate<Event> match, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(10))
                .until(() -> events.stream().filter(match).findFirst().orElse(null), e -> e != null);
    }

    /** Waits for the first event with this name. */
    public Event awaitEvent(String name, Duration timeout) {
        return await(e -> name.equals(e.event()), timeout);
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (RuntimeException e) {
            // already closed
        }
        reader.interrupt();
    }

}
