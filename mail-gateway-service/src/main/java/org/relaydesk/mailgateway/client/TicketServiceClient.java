package org.relaydesk.mailgateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Every call the mail-gateway makes to ticket-service, in one place. Each call has a timeout
 * (the REST client's connect/read timeouts plus an overall {@code @Timeout}) and a few quick
 * retries with backoff for temporary failures; what is still failing after that surfaces as
 * {@link TicketServiceUnavailable} (the caller keeps the mail and retries later) or
 * {@link TicketServiceRejected} (retrying will not help).
 */
@ApplicationScoped
public class TicketServiceClient {

    private static final Logger LOG = Logger.getLogger(TicketServiceClient.class);

    /** A ticket as far as the gateway needs it. */
    public record TicketRef(long id, String number, Long queueId, long version) {
    }

    /** The result of adding a mail: the ticket, the article (null when ticket-service did not say), created or found again. */
    public record Stored(long ticketId, String ticketNumber, Long articleId, boolean created) {
    }

    /** An attachment's metadata. */
    public record AttachmentRef(long id, String filename, String contentType) {
    }

    /** A queue. */
    public record QueueRef(long id, String name) {
    }

    @Inject
    @RestClient
    TicketServiceApi api;

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, delayUnit = ChronoUnit.MILLIS, jitter = 100,
            retryOn = TicketServiceUnavailable.class)
    @ExponentialBackoff
    public Stored createTicket(TicketServiceDtos.CreateTicket request) {
        JsonNode t = call("create ticket", () -> api.createTicket(request));
        return new Stored(t.path("id").asLong(), text(t, "number"), null, true);
    }

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, delayUnit = ChronoUnit.MILLIS, jitter = 100,
            retryOn = TicketServiceUnavailable.class)
    @ExponentialBackoff
    public Stored addArticle(long ticketId, TicketServiceDtos.Article request) {
        JsonNode a = call("add article to ticket " + ticketId, () -> api.addArticle(ticketId, request));
        long storedIn = a.path("ticketId").asLong(ticketId);
        return new Stored(storedIn, null, a.hasNonNull("id") ? a.get("id").asLong() : null, true);
    }

    /** The ticket, or empty when ticket-service does not know it (404). */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, delayUnit = ChronoUnit.MILLIS, jitter = 100,
            retryOn = TicketServiceUnavailable.class)
    public Optional<TicketRef> ticket(long ticketId) {
        return optional("get ticket " + ticketId, () -> api.ticket(ticketId, false)).map(TicketServiceClient::ticketRef);
    }

    /** The ticket with this number, or empty when there is none (or the endpoint does not exist yet). */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, delayUnit = ChronoUnit.MILLIS, jitter = 100,
            retryOn = TicketServiceUnavailable.class)
    public Optional<TicketRef> ticketByNumber(String number) {
        return optional("find ticket " + number, () -> api.ticketByNumber(number)).map(TicketServiceClient::ticketRef);
    }

    /** All queues; empty when ticket-service has no queue endpoint yet. */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, delayUnit = ChronoUnit.MILLIS, jitter = 100,
            retryOn = TicketServiceUnavailable.class)
    public List<QueueRef> queues() {
        List<JsonNode> list = optional("list queues", () -> api.queues()).orElse(List.of());
        return list.stream().map(q -> new QueueRef(q.path("id").asLong(), text(q, "name"))).toList();
    }

    /** The attachments of an article (metadata). */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, delayUnit = ChronoUnit.MILLIS, jitter = 100,
            retryOn = TicketServiceUnavailable.class)
    public List<AttachmentRef> attachments(long ticketId, long articleId) {
        JsonNode a = call("get article " + articleId, () -> api.article(ticketId, articleId));
        List<AttachmentRef> refs = new ArrayList<>();
        for (JsonNode f : a.path("attachments")) {
            refs.add(new AttachmentRef(f.path("id").asLong(), text(f, "filename"), text(f, "contentType")));
        }
        return refs;
    }

    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, delayUnit = ChronoUnit.MILLIS, jitter = 100,
            retryOn = TicketServiceUnavailable.class)
    public byte[] attachment(long ticketId, long articleId, long attachmentId) {
        return call("download attachment " + attachmentId, () -> api.attachment(ticketId, articleId, attachmentId));
    }

    private static TicketRef ticketRef(JsonNode t) {
        return new TicketRef(t.path("id").asLong(), text(t, "number"),
                t.hasNonNull("queueId") ? t.get("queueId").asLong() : null, t.path("version").asLong());
    }

    private static <T> Optional<T> optional(String what, Supplier<T> call) {
        try {
            return Optional.ofNullable(call(what, call));
        } catch (TicketServiceRejected e) {
            if (e.status() == 404 || e.status() == 405) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Runs a call and sorts its failure into temporary or for good. */
    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            Response r = e.getResponse();
            int status = r == null ? 500 : r.getStatus();
            String body = body(r);
            if (status >= 500 || status == 401 || status == 403 || status == 408 || status == 429) {
                throw new TicketServiceUnavailable("ticket-service: " + what + " answered " + status + " " + body, e);
            }
            String type = null;
            String detail = body;
            try {
                JsonNode problem = org.relaydesk.contracts.Json.MAPPER.readTree(body);
                type = text(problem, "type");
                detail = problem.hasNonNull("detail") ? problem.get("detail").asText()
                        : problem.hasNonNull("title") ? problem.get("title").asText() : body;
                if (problem.has("errors")) {
                    detail = detail + " " + problem.get("errors");
                }
            } catch (Exception notJson) {
                // keep the raw body as detail
            }
            throw new TicketServiceRejected(status, type, "ticket-service: " + what + " answered " + status + ": " + detail);
        } catch (ProcessingException e) {
            throw new TicketServiceUnavailable("ticket-service: " + what + " failed: " + root(e), e);
        } catch (TicketServiceRejected | TicketServiceUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            // OIDC token failures (Keycloak down) and other client-side trouble are temporary too
            LOG.debugf(e, "ticket-service call %s failed", what);
            throw new TicketServiceUnavailable("ticket-service: " + what + " failed: " + root(e), e);
        }
    }

    private static String body(Response r) {
        if (r == null) {
            return "";
        }
        try {
            r.bufferEntity();
            String s = r.readEntity(String.class);
            return s == null ? "" : s.length() > 2000 ? s.substring(0, 2000) : s;
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
