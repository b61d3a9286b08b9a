package org.relaydesk.search.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Json;
import org.relaydesk.contracts.ticket.ArticleAdded;
import org.relaydesk.contracts.ticket.CustomerChanged;
import org.relaydesk.contracts.ticket.DynamicFieldChanged;
import org.relaydesk.contracts.ticket.OwnerChanged;
import org.relaydesk.contracts.ticket.PendingTimeSet;
import org.relaydesk.contracts.ticket.PriorityChanged;
import org.relaydesk.contracts.ticket.ResponsibleChanged;
import org.relaydesk.contracts.ticket.TicketCreated;
import org.relaydesk.contracts.ticket.TicketDeleted;
import org.relaydesk.contracts.ticket.TicketLocked;
import org.relaydesk.contracts.ticket.TicketMerged;
import org.relaydesk.contracts.ticket.TicketMoved;
import org.relaydesk.contracts.ticket.TicketSplit;
import org.relaydesk.contracts.ticket.TicketStateChanged;
import org.relaydesk.contracts.ticket.TicketUnlocked;
import org.relaydesk.contracts.ticket.TicketUpdated;

/**
 * Applies ticket (and escalation) events to the ticket and article indices. Ticket fields change
 * by partial-document updates (no scripts: the minimal distribution has no painless); the article
 * text that a ticket search matches is rebuilt on the ticket document from the article documents
 * (read back with real-time GETs, so no refresh is needed).
 */
@ApplicationScoped
public class TicketIndex {

    private static final Logger LOG = Logger.getLogger(TicketIndex.class);

    /** Where events are written: the live aliases, and during a reindex also the new indices. */
    public record Target(String tickets, String articles, boolean live) {
    }

    @Inject
    Es es;

    @Inject
    Indices indices;

    /** The extra target of a running reindex, null otherwise. */
    private final AtomicReference<Target> shadow = new AtomicReference<>();
    /** Tickets an event touched while a reindex ran: the reindex reads them again before the swap. */
    private final Set<Long> shadowMisses = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private volatile Instant lastOccurredAt;

    public Instant lastOccurredAt() {
        return lastOccurredAt;
    }

    public void startShadow(Target target) {
        shadowMisses.clear();
        shadow.set(target);
    }

    /** The tickets touched since the last call (events keep being written to the new indices). */
    public Set<Long> drainShadowTouched() {
        Set<Long> touched = Set.copyOf(shadowMisses);
        shadowMisses.removeAll(touched);
        return touched;
    }

    public void stopShadow() {
        shadow.set(null);
        shadowMisses.clear();
    }

    static Instant instantOrNull(JsonNode n) {
        return instant(n);
    }

    static Double minutesBetween(Instant from, Instant to) {
        return from == null || to == null ? null : minutes(from, to);
    }

    /** Applies one event to the live indices (and a reindex's new indices). */
    public void apply(EventEnvelope event) {
        apply(event, new Target(indices.tickets(), indices.articles(), true));
        Target s = shadow.get();
        if (s != null) {
            shadowMisses.add(ticketIdOf(event));
            try {
                apply(event, s);
            } catch (Es.Rejected e) {
                if (e.status != 404) {
                    throw e;
                }
            }
        }
        lastOccurredAt = event.occurredAt();
    }

    /**
     * Applies a batch of events (in their order) to the live indices and a reindex's new indices: one
     * bulk request per run of events between merges and deletions, see {@link IndexBatch}.
     */
    public void apply(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return;
        }
        new IndexBatch(this, es, new Target(indices.tickets(), indices.articles(), true)).apply(events);
        Target s = shadow.get();
        if (s != null) {
            for (EventEnvelope event : events) {
                try {
                    shadowMisses.add(ticketIdOf(event));
                } catch (IllegalArgumentException e) {
                    // an unreadable event was skipped above
                }
            }
            try {
                new IndexBatch(this, es, s).apply(events);
            } catch (Es.Rejected e) {
                if (e.status != 404) {
                    throw e;
                }
            }
        }
        Instant latest = lastOccurredAt;
        for (EventEnvelope event : events) {
            if (latest == null || event.occurredAt().isAfter(latest)) {
                latest = event.occurredAt();
            }
        }
        lastOccurredAt = latest;
    }

    /** Events that {@link IndexBatch} applies on their own, with the writes before them done: they read several documents. */
    static boolean appliedAlone(String type) {
        return EventTypes.TICKET_MERGED.equals(type) || EventTypes.TICKET_DELETED.equals(type);
    }

    /** Events whose changes depend on the ticket document as it is (article text, creation time). */
    static boolean readsTicket(String type) {
        return EventTypes.ARTICLE_ADDED.equals(type) || EventTypes.TICKET_STATE_CHANGED.equals(type);
    }

    void apply(EventEnvelope event, Target target) {
        String id = Long.toString(ticketIdOf(event));
        switch (event.type()) {
            case EventTypes.TICKET_CREATED -> es.call("POST", "/" + target.tickets() + "/_update/" + id,
                    Map.of("doc", ticketFields(event.payloadAs(TicketCreated.class)), "doc_as_upsert", true));
            case EventTypes.ARTICLE_ADDED -> addArticle(target, event.payloadAs(ArticleAdded.class), event.occurredAt());
            case EventTypes.TICKET_MERGED -> merge(target, event.payloadAs(TicketMerged.class), event.occurredAt());
            case EventTypes.TICKET_DELETED -> delete(target, event.payloadAs(TicketDeleted.class).ticketId());
            default -> {
                Map<String, Object> doc = ticketChanges(event, () -> source(target.tickets(), id));
                if (doc != null) {
                    update(target, id, doc);
                }
            }
        }
    }

    /**
     * The partial ticket document of an event that only sets ticket fields (not {@code TicketCreated},
     * {@code ArticleAdded}, merges, deletions), {@code changedAt} included; null when nothing searchable
     * changes. {@code ticket} supplies the ticket document as it is (read only for a closing state change).
     */
    static Map<String, Object> ticketChanges(EventEnvelope event, Supplier<JsonNode> ticket) {
        Map<String, Object> doc = new LinkedHashMap<>();
        switch (event.type()) {
            case EventTypes.TICKET_STATE_CHANGED -> {
                TicketStateChanged s = event.payloadAs(TicketStateChanged.class);
                doc.put("state", s.newState());
                doc.put("stateType", s.newStateType());
                doc.put("pendingUntil", text(s.pendingUntil()));
                boolean closed = "closed".equals(s.newStateType());
                Instant closedAt = closed ? (s.closedAt() != null ? s.closedAt() : event.occurredAt()) : null;
                doc.put("closedAt", text(closedAt));
                if (closedAt != null) {
                    JsonNode current = ticket.get();
                    Instant created = current == null ? null : instant(current.path("createdAt"));
                    doc.put("solutionMinutes", created == null ? null : minutes(created, closedAt));
                } else {
                    doc.put("solutionMinutes", null);
                }
            }
            case EventTypes.TICKET_MOVED -> {
                TicketMoved m = event.payloadAs(TicketMoved.class);
                doc.put("queueId", m.newQueueId());
                doc.put("queue", m.newQueueName());
            }
            case EventTypes.OWNER_CHANGED -> doc.put("owner", event.payloadAs(OwnerChanged.class).newOwner());
            case EventTypes.RESPONSIBLE_CHANGED -> doc.put("responsible", event.payloadAs(ResponsibleChanged.class).newResponsible());
            case EventTypes.TICKET_LOCKED -> {
                doc.put("locked", true);
                doc.put("lock", "lock");
                doc.put("owner", event.payloadAs(TicketLocked.class).owner());
            }
            case EventTypes.TICKET_UNLOCKED -> {
                event.payloadAs(TicketUnlocked.class);
                doc.put("locked", false);
                doc.put("lock", "unlock");
            }
            case EventTypes.PRIORITY_CHANGED -> doc.put("priority", event.payloadAs(PriorityChanged.class).newPriority());
            case EventTypes.PENDING_TIME_SET -> {
                PendingTimeSet p = event.payloadAs(PendingTimeSet.class);
                doc.put("pendingUntil", text(p.pendingUntil()));
                if (p.state() != null) {
                    doc.put("state", p.state());
                    doc.put("stateType", p.stateType());
                }
            }
            case EventTypes.DYNAMIC_FIELD_CHANGED -> {
                DynamicFieldChanged d = event.payloadAs(DynamicFieldChanged.class);
                doc.put("dynamicFields", new HashMap<>(java.util.Collections.singletonMap(d.field(), dynamicValue(d.newValue()))));
            }
            case EventTypes.CUSTOMER_CHANGED -> {
                CustomerChanged c = event.payloadAs(CustomerChanged.class);
                doc.put("customerUserId", c.newCustomerUserId());
                doc.put("customerId", c.newCustomerId());
            }
            case EventTypes.TICKET_UPDATED -> {
                for (TicketUpdated.FieldChange c : event.payloadAs(TicketUpdated.class).changes()) {
                    switch (c.field()) {
                        case "title" -> doc.put("title", c.newValue());
                        case "type" -> doc.put("type", c.newValue());
                        case "service" -> doc.put("service", c.newValue());
                        case "sla" -> doc.put("sla", c.newValue());
                        default -> LOG.debugf("ticket field %s not indexed", c.field());
                    }
                }
            }
            case EventTypes.TICKET_SPLIT -> doc.put("splitFrom", event.payloadAs(TicketSplit.class).sourceTicketId());
            case EventTypes.TICKET_ESCALATED -> doc.put("escalated", true);
            case EventTypes.ESCALATION_STOPPED -> doc.put("escalated", false);
            default -> {
                // links, seen flags, delivery results, warnings: nothing searchable changes
                return null;
            }
        }
        doc.put("changedAt", text(event.occurredAt()));
        return doc;
    }

    private void addArticle(Target target, ArticleAdded a, Instant occurredAt) {
        Map<String, Object> article = articleDocument(a, occurredAt);
        String id = Long.toString(a.ticketId());
        JsonNode ticket = source(target.tickets(), id);
        if (ticket == null && !target.live()) {
            throw new Es.Rejected(404, "ticket " + id + " not copied yet");
        }
        Map<String, Object> doc = articleChanges(a, article, occurredAt, ticket);
        // the article and the ticket's text in one round trip
        Map<String, Object> update = new HashMap<>();
        update.put("doc", doc);
        update.put("doc_as_upsert", true);
        String bulk = Json.write(Map.of("index", Map.of("_index", target.articles(), "_id", Long.toString(a.articleId())))) + "\n"
                + Json.write(article) + "\n"
                + Json.write(Map.of("update", Map.of("_index", target.tickets(), "_id", id, "retry_on_conflict", 3))) + "\n"
                + Json.write(update) + "\n";
        es.bulk(bulk, false);
    }

    /**
     * The partial ticket document for an added article, given the ticket document as it is (null if
     * there is none yet): the article's text appended (unless its id is there already, as after a
     * redelivery), article ids and count, the first response, {@code changedAt}.
     */
    static Map<String, Object> articleChanges(ArticleAdded a, Map<String, Object> article, Instant occurredAt, JsonNode ticket) {
        List<Long> ids = articleIds(ticket);
        Map<String, Object> doc = new LinkedHashMap<>();
        if (!ids.contains(a.articleId())) {
            // append this article's text to the ticket's (a redelivery finds it there already)
            ids.add(a.articleId());
            Map<String, Object> added = articleText(List.of(Json.MAPPER.valueToTree(article)));
            // the attachment text comes later, from the extraction worker, which rebuilds these fields itself
            ATTACHMENT_TEXT_FIELDS.forEach(added::remove);
            added.forEach((field, values) -> {
                List<String> merged = new ArrayList<>();
                JsonNode existing = ticket == null ? null : ticket.path(field);
                if (existing != null && existing.isArray()) {
                    existing.forEach(v -> merged.add(v.asText()));
                }
                @SuppressWarnings("unchecked")
                List<String> more = (List<String>) values;
                merged.addAll(more);
                doc.put(field, merged);
            });
            doc.put("articleIds", ids);
            doc.put("articleCount", ids.size());
        }
        if ("agent".equals(a.senderType()) && a.visibleForCustomer()
                && (ticket == null || ticket.path("firstResponseAt").isNull() || ticket.path("firstResponseAt").isMissingNode())) {
            Instant at = a.createdAt() != null ? a.createdAt() : occurredAt;
            doc.put("firstResponseAt", text(at));
            Instant created = ticket == null ? null : instant(ticket.path("createdAt"));
            if (created != null) {
                doc.put("firstResponseMinutes", minutes(created, at));
            }
        }
        doc.put("changedAt", text(occurredAt));
        return doc;
    }

    private void merge(Target target, TicketMerged m, Instant occurredAt) {
        String sourceId = Long.toString(m.ticketId());
        String targetId = Long.toString(m.targetTicketId());
        StringBuilder bulk = new StringBuilder();
        for (Long articleId : m.articleIds()) {
            bulk.append(Json.write(Map.of("update", Map.of("_index", target.articles(), "_id", articleId.toString()))))
                    .append('\n')
                    .append(Json.write(Map.of("doc", Map.of("ticketId", m.targetTicketId(), "ticketNumber", m.targetNumber()))))
                    .append('\n');
        }
        if (!bulk.isEmpty()) {
            es.bulk(bulk.toString(), false);
        }
        JsonNode source = source(target.tickets(), sourceId);
        List<Long> remaining = articleIds(source);
        remaining.removeAll(m.articleIds());
        Map<String, Object> sourceDoc = articleFields(target, remaining);
        sourceDoc.put("mergedInto", m.targetNumber());
        sourceDoc.put("changedAt", text(occurredAt));
        upsert(target, sourceId, sourceDoc);

        JsonNode targetTicket = source(target.tickets(), targetId);
        List<Long> targetIds = articleIds(targetTicket);
        for (Long articleId : m.articleIds()) {
            if (!targetIds.contains(articleId)) {
                targetIds.add(articleId);
            }
        }
        targetIds.sort(null);
        Map<String, Object> targetDoc = articleFields(target, targetIds);
        targetDoc.put("changedAt", text(occurredAt));
        upsert(target, targetId, targetDoc);
    }

    private void delete(Target target, long ticketId) {
        String id = Long.toString(ticketId);
        JsonNode ticket = source(target.tickets(), id);
        StringBuilder bulk = new StringBuilder();
        for (Long articleId : articleIds(ticket)) {
            bulk.append(Json.write(Map.of("delete", Map.of("_index", target.articles(), "_id", articleId.toString())))).append('\n');
        }
        bulk.append(Json.write(Map.of("delete", Map.of("_index", target.tickets(), "_id", id)))).append('\n');
        es.bulk(bulk.toString(), false);
    }

    /** The ticket document's fields as {@code TicketCreated} writes them (before any article). */
    public static Map<String, Object> ticketFields(TicketCreated c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ticketId", c.ticketId());
        doc.put("number", c.number());
        doc.put("title", c.title());
        doc.put("queueId", c.queueId());
        doc.put("queue", c.queueName());
        doc.put("state", c.state());
        doc.put("stateType", c.stateType());
        doc.put("priority", c.priority());
        doc.put("type", c.type());
        doc.put("channel", c.channel());
        doc.put("customerUserId", c.customerUserId());
        doc.put("customerId", c.customerId());
        doc.put("owner", c.ownerId());
        doc.put("responsible", c.responsible());
        doc.put("locked", c.locked());
        doc.put("lock", c.locked() ? "lock" : "unlock");
        doc.put("serviceId", c.serviceId());
        doc.put("slaId", c.slaId());
        doc.put("pendingUntil", text(c.pendingUntil()));
        doc.put("escalated", false);
        doc.put("createdAt", text(c.createdAt()));
        doc.put("createdBy", c.createdBy());
        doc.put("changedAt", text(c.createdAt()));
        return doc;
    }

    /** The document of the {@code articles} index for an {@code ArticleAdded}. */
    public static Map<String, Object> articleDocument(ArticleAdded a, Instant occurredAt) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("articleId", a.articleId());
        article.put("ticketId", a.ticketId());
        article.put("ticketNumber", a.ticketNumber());
        article.put("kind", a.kind());
        article.put("senderType", a.senderType());
        article.put("channel", a.channel());
        article.put("visibleForCustomer", a.visibleForCustomer());
        article.put("from", a.from());
        article.put("to", a.to());
        article.put("cc", a.cc());
        article.put("subject", a.subject());
        article.put("body", a.bodyText());
        article.put("attachmentNames", a.attachmentNames() == null ? List.of() : a.attachmentNames());
        article.put("createdBy", a.createdBy());
        article.put("createdAt", text(a.createdAt() != null ? a.createdAt() : occurredAt));
        return article;
    }

    /**
     * The ticket document as applying {@code TicketCreated} and then these {@code ArticleAdded} events
     * (in order, occurred at their {@code createdAt}) leaves it, for bulk loads of tickets that never
     * changed otherwise (the search benchmark). Same fields as the event path: ticket fields, the
     * article text, article ids and count, the first response, {@code changedAt}.
     */
    public static Map<String, Object> ticketDocument(TicketCreated created, List<ArticleAdded> articles) {
        Map<String, Object> doc = ticketFields(created);
        List<JsonNode> sources = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        Instant changed = created.createdAt();
        for (ArticleAdded a : articles) {
            Instant at = a.createdAt() != null ? a.createdAt() : changed;
            sources.add(Json.MAPPER.valueToTree(articleDocument(a, at)));
            ids.add(a.articleId());
            if ("agent".equals(a.senderType()) && a.visibleForCustomer() && !doc.containsKey("firstResponseAt")) {
                doc.put("firstResponseAt", text(at));
                doc.put("firstResponseMinutes", minutes(created.createdAt(), at));
            }
            changed = at;
        }
        doc.putAll(articleText(sources));
        doc.put("articleIds", ids);
        doc.put("articleCount", ids.size());
        doc.put("changedAt", text(changed));
        return doc;
    }

    /** The ticket-level article text, internal and customer-visible, rebuilt from the article documents. */
    Map<String, Object> articleFields(Target target, List<Long> ids) {
        List<JsonNode> sources = new ArrayList<>();
        if (!ids.isEmpty()) {
            JsonNode docs = es.call("POST", "/" + target.articles() + "/_mget",
                    Map.of("ids", ids.stream().map(String::valueOf).toList()));
            for (JsonNode d : docs.path("docs")) {
                if (d.path("found").asBoolean()) {
                    sources.add(d.path("_source"));
                }
            }
        }
        Map<String, Object> doc = articleText(sources);
        doc.put("articleIds", ids);
        doc.put("articleCount", ids.size());
        return doc;
    }

    /** The article document fields whose text the ticket document carries (and again as {@code public…}). */
    static final List<String> ARTICLE_TEXT_FIELDS = List.of("from", "to", "cc", "subject", "body", "attachmentNames",
            "attachmentText");

    /** The ticket fields with the text extracted from attachments: written by {@link #attachmentText}, merges and the reindex only. */
    static final List<String> ATTACHMENT_TEXT_FIELDS = List.of("attachmentText", "publicAttachmentText");

    /** The searchable article text of a ticket from its article documents (as indexed in {@code articles}). */
    public static Map<String, Object> articleText(List<JsonNode> articles) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String f : ARTICLE_TEXT_FIELDS) {
            all.put(f, new ArrayList<>());
        }
        for (String f : ARTICLE_TEXT_FIELDS) {
            all.put(publicField(f), new ArrayList<>());
        }
        for (JsonNode s : articles) {
            boolean visible = s.path("visibleForCustomer").asBoolean();
            for (String f : ARTICLE_TEXT_FIELDS) {
                JsonNode v = s.path(f);
                List<String> values = new ArrayList<>();
                if (v.isArray()) {
                    v.forEach(x -> values.add(x.asText()));
                } else if (!v.isNull() && !v.isMissingNode()) {
                    values.add(v.asText());
                }
                all.get(f).addAll(values);
                if (visible) {
                    all.get(publicField(f)).addAll(values);
                }
            }
        }
        return new LinkedHashMap<>(all);
    }

    private static String publicField(String field) {
        return "public" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    /**
     * Sets the text extracted from an article's attachments (one entry per attachment) on its article
     * document and rebuilds the ticket's attachment text ({@code attachmentText}, and
     * {@code publicAttachmentText} from customer-visible articles) from its article documents, in the
     * live indices and a running reindex's new ones. Returns false when the article document is in
     * neither (the ticket was deleted).
     */
    public boolean attachmentText(long articleId, List<String> texts) {
        Long ticketId = attachmentText(new Target(indices.tickets(), indices.articles(), true), articleId, texts);
        Target s = shadow.get();
        if (s != null) {
            Long inNew = null;
            try {
                inNew = attachmentText(s, articleId, texts);
            } catch (Es.Rejected e) {
                if (e.status != 404) {
                    throw e;
                }
            }
            if (ticketId == null) {
                // an article only the reindex knows (its event was lost)
                ticketId = inNew;
            }
            if (ticketId != null) {
                // a reindex that copied the ticket before the text was stored reads it again
                shadowMisses.add(ticketId);
            }
        }
        return ticketId != null;
    }

    /** The article's ticket id, null if the article document is not there. */
    private Long attachmentText(Target target, long articleId, List<String> texts) {
        String id = Long.toString(articleId);
        try {
            es.call("POST", "/" + target.articles() + "/_update/" + id + "?retry_on_conflict=3",
                    Map.of("doc", Map.of("attachmentText", texts)));
        } catch (Es.Rejected e) {
            if (e.status == 404 && !e.getMessage().contains("index_not_found_exception")) {
                return null;
            }
            throw e;
        }
        // the article's ticket now (a merge may have moved it)
        JsonNode article = source(target.articles(), id);
        if (article == null) {
            return null;
        }
        long ticketId = article.path("ticketId").asLong();
        // rebuilt from all articles of the ticket, written only if the ticket did not change in between (an
        // article added meanwhile, another article's extraction), else read again
        for (int attempt = 1; ; attempt++) {
            JsonNode ticket = es.getOrNull("/" + target.tickets() + "/_doc/" + ticketId);
            if (ticket == null || !ticket.path("found").asBoolean()) {
                return ticketId;
            }
            Map<String, Object> all = articleFields(target, articleIds(ticket.path("_source")));
            Map<String, Object> doc = new LinkedHashMap<>();
            ATTACHMENT_TEXT_FIELDS.forEach(f -> doc.put(f, all.get(f)));
            try {
                es.call("POST", "/" + target.tickets() + "/_update/" + ticketId + "?if_seq_no=" + ticket.path("_seq_no").asLong()
                        + "&if_primary_term=" + ticket.path("_primary_term").asLong(), Map.of("doc", doc));
                return ticketId;
            } catch (Es.Rejected e) {
                if (e.status != 409 || attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /** Dynamic field values as indexed: text, or a list of texts. */
    public static Object dynamicValue(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            List<String> values = new ArrayList<>();
            v.forEach(x -> values.add(x.asText()));
            return values;
        }
        return v.asText();
    }

    private void update(Target target, String id, Map<String, Object> doc) {
        if (target.live()) {
            upsert(target, id, doc);
        } else {
            es.call("POST", "/" + target.tickets() + "/_update/" + id, Map.of("doc", doc));
        }
    }

    private void upsert(Target target, String id, Map<String, Object> doc) {
        Map<String, Object> body = new HashMap<>();
        body.put("doc", doc);
        body.put("doc_as_upsert", target.live());
        es.call("POST", "/" + target.tickets() + "/_update/" + id + "?retry_on_conflict=3", body);
    }

    JsonNode source(String index, String id) {
        JsonNode r = es.getOrNull("/" + index + "/_doc/" + id);
        return r == null || !r.path("found").asBoolean() ? null : r.path("_source");
    }

    static List<Long> articleIds(JsonNode ticket) {
        List<Long> ids = new ArrayList<>();
        if (ticket != null) {
            ticket.path("articleIds").forEach(n -> ids.add(n.asLong()));
        }
        return new ArrayList<>(new LinkedHashSet<>(ids));
    }

    static long ticketIdOf(EventEnvelope event) {
        JsonNode p = event.payload();
        if (p != null && p.hasNonNull("ticketId")) {
            return p.get("ticketId").asLong();
        }
        return Long.parseLong(event.aggregateId());
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    private static Instant instant(JsonNode n) {
        return n == null || !n.isTextual() ? null : Instant.parse(n.asText());
    }

    private static double minutes(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis()) / 60000.0;
    }
}
