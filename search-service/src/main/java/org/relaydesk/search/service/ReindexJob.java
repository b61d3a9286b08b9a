package org.relaydesk.search.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.Json;
import org.relaydesk.search.client.TicketServiceClient;

/**
 * Rebuilds the indices from ticket-service without downtime (this Elasticsearch has no
 * {@code _reindex}): new indices are filled from ticket-service's REST API while searches keep
 * using the old ones, events are written to both meanwhile, tickets touched by events during the
 * copy are read again, and then both aliases move to the new indices in one atomic request.
 */
@ApplicationScoped
public class ReindexJob {

    private static final Logger LOG = Logger.getLogger(ReindexJob.class);

    /** Progress of the current or last reindex. */
    public record Progress(String state, Instant startedAt, Instant finishedAt, long ticketsCopied, long articlesCopied,
                           long ticketsReread, String ticketIndex, String articleIndex, String error) {
    }

    @Inject
    Indices indices;
    @Inject
    TicketIndex ticketIndex;
    @Inject
    Es es;
    @Inject
    TicketServiceClient tickets;
    @Inject
    AttachmentTexts attachmentTexts;
    @Inject
    org.relaydesk.search.config.SearchConfig config;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reindex");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong copied = new AtomicLong();
    private final AtomicLong articles = new AtomicLong();
    private final AtomicLong reread = new AtomicLong();
    private volatile Progress last = new Progress("idle", null, null, 0, 0, 0, null, null, null);
    private volatile boolean running;

    void shutdown(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    public Progress progress() {
        Progress p = last;
        if (!running) {
            return p;
        }
        return new Progress("running", p.startedAt(), null, copied.get(), articles.get(), reread.get(), p.ticketIndex(),
                p.articleIndex(), null);
    }

    /** Starts a reindex; returns false when one is already running. */
    public synchronized boolean start() {
        if (running) {
            return false;
        }
        running = true;
        copied.set(0);
        articles.set(0);
        reread.set(0);
        String suffix = "-r" + System.currentTimeMillis();
        String ticketsIndex = indices.tickets() + suffix;
        String articlesIndex = indices.articles() + suffix;
        last = new Progress("running", Instant.now(), null, 0, 0, 0, ticketsIndex, articlesIndex, null);
        executor.submit(() -> run(ticketsIndex, articlesIndex));
        return true;
    }

    void run(String ticketsIndex, String articlesIndex) {
        Instant started = last.startedAt();
        TicketIndex.Target target = new TicketIndex.Target(ticketsIndex, articlesIndex, false);
        try {
            indices.createIndex(ticketsIndex, Indices.TICKET_MAPPING, null);
            indices.createIndex(articlesIndex, Indices.ARTICLE_MAPPING, null);
            ticketIndex.startShadow(target);
            String cursor = null;
            do {
                JsonNode page = tickets.page(cursor);
                List<Long> ids = new ArrayList<>();
                page.path("items").forEach(t -> ids.add(t.path("id").asLong()));
                articles.addAndGet(copy(target, ids));
                copied.addAndGet(ids.size());
                cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
            } while (cursor != null);
            // tickets changed by events while they were copied: read them once more
            Collection<Long> touched = ticketIndex.drainShadowTouched();
            copy(target, touched);
            reread.addAndGet(touched.size());
            es.call("POST", "/" + ticketsIndex + "," + articlesIndex + "/_refresh", null);
            indices.swap(Map.of(indices.tickets(), ticketsIndex, indices.articles(), articlesIndex));
            last = new Progress("done", started, Instant.now(), copied.get(), articles.get(), reread.get(), ticketsIndex,
                    articlesIndex, null);
            LOG.infof("reindex done: %d tickets, %d articles into %s", copied.get(), articles.get(), ticketsIndex);
        } catch (RuntimeException e) {
            LOG.errorf(e, "reindex failed");
            last = new Progress("failed", started, Instant.now(), copied.get(), articles.get(), reread.get(), ticketsIndex,
                    articlesIndex, e.getMessage());
            deleteQuietly(ticketsIndex + "," + articlesIndex);
        } finally {
            ticketIndex.stopShadow();
            running = false;
        }
    }

    private void deleteQuietly(String names) {
        try {
            es.call("DELETE", "/" + names + "?ignore_unavailable=true", null);
        } catch (RuntimeException e) {
            LOG.warnf("could not delete %s: %s", names, e.getMessage());
        }
    }

    /**
     * Reads the tickets with their articles and bulk-writes them into the new indices; returns the number
     * of articles written (counted in the progress only for the first pass, as the tickets are: a ticket
     * read once more is in {@code ticketsReread}).
     */
    int copy(TicketIndex.Target target, Collection<Long> ids) {
        StringBuilder bulk = new StringBuilder();
        int articleCount = 0;
        int ops = 0;
        for (Long id : ids) {
            JsonNode t = tickets.ticket(id);
            if (t == null) {
                bulk.append(Json.write(Map.of("delete", Map.of("_index", target.tickets(), "_id", id.toString())))).append('\n');
                ops++;
                continue;
            }
            List<JsonNode> articleDocs = new ArrayList<>();
            Map<Long, List<String>> texts = attachmentTexts(t);
            for (JsonNode a : t.path("articles")) {
                Map<String, Object> doc = articleDoc(t, a);
                doc.put("attachmentText", texts.getOrDefault(a.path("id").asLong(), List.of()));
                articleDocs.add(Json.MAPPER.valueToTree(doc));
                bulk.append(Json.write(Map.of("index", Map.of("_index", target.articles(), "_id", a.path("id").asText()))))
                        .append('\n').append(Json.write(doc)).append('\n');
                ops++;
                articleCount++;
            }
            bulk.append(Json.write(Map.of("index", Map.of("_index", target.tickets(), "_id", id.toString())))).append('\n')
                    .append(Json.write(ticketDoc(t, articleDocs))).append('\n');
            ops++;
            if (ops >= 500) {
                es.bulk(bulk.toString(), false);
                bulk.setLength(0);
                ops = 0;
            }
        }
        if (ops > 0) {
            es.bulk(bulk.toString(), false);
        }
        return articleCount;
    }

    /**
     * The text extracted from the ticket's attachments per article (as the extraction worker indexed
     * it); attachments never read (e.g. from before the extraction existed) are recorded for the
     * worker, which then adds their text to the new indices or, after the swap, the live ones.
     */
    private Map<Long, List<String>> attachmentTexts(JsonNode t) {
        List<Long> withAttachments = new ArrayList<>();
        t.path("articles").forEach(a -> {
            if (!a.path("attachments").isEmpty()) {
                withAttachments.add(a.path("id").asLong());
            }
        });
        Map<Long, List<AttachmentTexts.Outcome>> outcomes = attachmentTexts.outcomesOf(withAttachments);
        Map<Long, List<String>> texts = new LinkedHashMap<>();
        Map<Long, Long> unread = new LinkedHashMap<>();
        for (JsonNode a : t.path("articles")) {
            long articleId = a.path("id").asLong();
            List<AttachmentTexts.Outcome> known = outcomes.getOrDefault(articleId, List.of());
            java.util.Set<Long> read = new java.util.HashSet<>();
            known.forEach(o -> read.add(o.attachmentId()));
            a.path("attachments").forEach(x -> {
                if (!read.contains(x.path("id").asLong())) {
                    unread.put(articleId, t.path("id").asLong());
                }
            });
            texts.put(articleId, known.stream().map(AttachmentTexts.Outcome::text).filter(java.util.Objects::nonNull).toList());
        }
        if (!unread.isEmpty() && config.attachments().enabled()) {
            attachmentTexts.enqueue(unread);
        }
        return texts;
    }

    static Map<String, Object> articleDoc(JsonNode ticket, JsonNode a) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("articleId", a.path("id").asLong());
        doc.put("ticketId", ticket.path("id").asLong());
        doc.put("ticketNumber", text(ticket, "number"));
        doc.put("kind", text(a, "kind"));
        doc.put("senderType", text(a, "senderType"));
        doc.put("channel", text(a, "channel"));
        doc.put("visibleForCustomer", a.path("visibleForCustomer").asBoolean());
        doc.put("from", text(a, "from"));
        doc.put("to", text(a, "to"));
        doc.put("cc", text(a, "cc"));
        doc.put("subject", text(a, "subject"));
        doc.put("body", text(a, "bodyText"));
        List<String> names = new ArrayList<>();
        a.path("attachments").forEach(x -> names.add(x.path("filename").asText()));
        doc.put("attachmentNames", names);
        doc.put("createdBy", text(a, "createdBy"));
        doc.put("createdAt", text(a, "createdAt"));
        return doc;
    }

    static Map<String, Object> ticketDoc(JsonNode t, List<JsonNode> articleDocs) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ticketId", t.path("id").asLong());
        for (String f : List.of("number", "title", "queue", "state", "stateType", "type", "owner", "responsible",
                "customerUserId", "customerId", "service", "sla", "pendingUntil", "createdAt", "createdBy", "changedAt",
                "closedAt")) {
            doc.put(f, text(t, f));
        }
        doc.put("queueId", t.path("queueId").asLong());
        doc.put("priority", t.path("priority").asInt());
        doc.put("serviceId", t.path("serviceId").isNumber() ? t.path("serviceId").asLong() : null);
        doc.put("slaId", t.path("slaId").isNumber() ? t.path("slaId").asLong() : null);
        boolean locked = t.path("locked").asBoolean();
        doc.put("locked", locked);
        doc.put("lock", locked ? "lock" : "unlock");
        doc.put("escalated", t.path("escalated").asBoolean());
        // as the TicketMerged and TicketSplit events set them
        doc.put("mergedInto", text(t, "mergedIntoNumber"));
        doc.put("splitFrom", t.path("splitFromTicketId").isNumber() ? t.path("splitFromTicketId").asLong() : null);
        Map<String, Object> df = new LinkedHashMap<>();
        t.path("dynamicFields").fields().forEachRemaining(e -> df.put(e.getKey(), TicketIndex.dynamicValue(e.getValue())));
        doc.put("dynamicFields", df);
        doc.putAll(TicketIndex.articleText(articleDocs));
        List<Long> ids = new ArrayList<>();
        articleDocs.forEach(a -> ids.add(a.path("articleId").asLong()));
        doc.put("articleIds", ids);
        doc.put("articleCount", ids.size());
        Instant created = TicketIndex.instantOrNull(t.path("createdAt"));
        articleDocs.stream()
                .filter(a -> "agent".equals(a.path("senderType").asText()) && a.path("visibleForCustomer").asBoolean())
                .map(a -> TicketIndex.instantOrNull(a.path("createdAt")))
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo)
                .ifPresent(first -> {
                    doc.put("firstResponseAt", first.toString());
                    doc.put("firstResponseMinutes", TicketIndex.minutesBetween(created, first));
                });
        doc.put("solutionMinutes", TicketIndex.minutesBetween(created, TicketIndex.instantOrNull(t.path("closedAt"))));
        return doc;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }
}
