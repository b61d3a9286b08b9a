package org.relaydesk.search.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Json;
import org.relaydesk.contracts.ticket.ArticleAdded;
import org.relaydesk.contracts.ticket.TicketCreated;

/**
 * Writes a batch of events to one target (the live indices or a reindex's new ones) with as few
 * requests as possible, with the same resulting documents as applying the events one at a time:
 * <ul>
 * <li>the ticket documents that events of the batch read (added articles append to the ticket's
 * article text; a closing state change reads the creation time) are read with one real-time
 * {@code _mget}, and then kept as they will be once the batch is written, so that an event reads
 * the changes of the events before it;</li>
 * <li>the changes of one ticket are folded into one partial-document update (later values win,
 * objects such as {@code dynamicFields} merge as Elasticsearch merges a partial document); article
 * documents are indexed as they come; all of it goes in one {@code _bulk} request (split only if
 * it is large), without a refresh: the index's refresh interval makes it searchable;</li>
 * <li>merges and deletions read and rewrite several documents (articles of two tickets): the writes
 * before them are sent first, then they are applied on their own, as before, and what was read is
 * read again after them.</li>
 * </ul>
 * A bulk item refused for good (4xx) throws {@link Es.Rejected}: the caller then applies the batch one
 * event at a time (every write here is a partial update or a whole-document index, so writing
 * again what already went through is harmless), which skips only the refused event. A missing live
 * alias is a 404 {@link Es.Rejected} (bulk writes require an alias, so a lost alias is not replaced by
 * an index with a guessed mapping); 5xx and 429 throw {@link IllegalStateException} and the batch is
 * retried.
 */
final class IndexBatch {

    private static final Logger LOG = Logger.getLogger(IndexBatch.class);

    /** Bulk requests are split at about this many characters. */
    static final int MAX_BULK_CHARS = 8 * 1024 * 1024;

    /** A pending write: a partial update of a ticket document, or an article document. */
    private interface Op {
        String ndjson(TicketIndex.Target target);
    }

    private static final class TicketUpdate implements Op {
        final String id;
        final Map<String, Object> doc = new LinkedHashMap<>();
        final boolean upsert;

        TicketUpdate(String id, boolean upsert) {
            this.id = id;
            this.upsert = upsert;
        }

        @Override
        public String ndjson(TicketIndex.Target target) {
            Map<String, Object> body = new HashMap<>();
            body.put("doc", doc);
            body.put("doc_as_upsert", upsert);
            return Json.write(Map.of("update", Map.of("_index", target.tickets(), "_id", id, "retry_on_conflict", 3))) + "\n"
                    + Json.write(body) + "\n";
        }
    }

    private record ArticleIndex(String id, Map<String, Object> doc) implements Op {
        @Override
        public String ndjson(TicketIndex.Target target) {
            return Json.write(Map.of("index", Map.of("_index", target.articles(), "_id", id))) + "\n" + Json.write(doc) + "\n";
        }
    }

    private final TicketIndex index;
    private final Es es;
    private final TicketIndex.Target target;
    /** Ticket documents as they will be once the pending writes are done; a null value: there is none. */
    private final Map<String, ObjectNode> tickets = new HashMap<>();
    private final List<Op> ops = new ArrayList<>();
    /** The pending update of each ticket that later changes of the ticket fold into. */
    private final Map<String, TicketUpdate> updates = new HashMap<>();

    IndexBatch(TicketIndex index, Es es, TicketIndex.Target target) {
        this.index = index;
        this.es = es;
        this.target = target;
    }

    /** Applies the events in their order. */
    void apply(List<EventEnvelope> events) {
        int from = 0;
        while (from < events.size()) {
            int to = from;
            while (to < events.size() && !TicketIndex.appliedAlone(events.get(to).type())) {
                to++;
            }
            if (to > from) {
                run(events.subList(from, to));
            }
            if (to < events.size()) {
                alone(events.get(to));
                to++;
            }
            from = to;
        }
    }

    /** Events without merges or deletions: one read, one bulk write. */
    private void run(List<EventEnvelope> events) {
        Set<String> reads = new LinkedHashSet<>();
        for (EventEnvelope event : events) {
            if (TicketIndex.readsTicket(event.type())) {
                try {
                    reads.add(Long.toString(TicketIndex.ticketIdOf(event)));
                } catch (IllegalArgumentException e) {
                    // unreadable: skipped below
                }
            }
        }
        read(reads);
        for (EventEnvelope event : events) {
            try {
                fold(event);
            } catch (IllegalArgumentException e) {
                skipped(event, e);
            }
        }
        flush();
    }

    private void alone(EventEnvelope event) {
        try {
            index.apply(event, target);
        } catch (IllegalArgumentException e) {
            skipped(event, e);
        } catch (Es.Rejected e) {
            // a reindex's new index: the ticket is not copied yet (the reindex reads it again) or the index is gone
            if (target.live() || e.status != 404) {
                throw e;
            }
        }
        // it changed documents that were read for the events before it
        tickets.clear();
    }

    private void skipped(EventEnvelope event, IllegalArgumentException e) {
        if (target.live()) {
            LOG.errorf("event %s (%s) has a payload this version cannot read, skipped: %s", event.id(), event.type(),
                    e.getMessage());
        }
    }

    private void fold(EventEnvelope event) {
        String id = Long.toString(TicketIndex.ticketIdOf(event));
        switch (event.type()) {
            case EventTypes.TICKET_CREATED -> update(id, TicketIndex.ticketFields(event.payloadAs(TicketCreated.class)), true);
            case EventTypes.ARTICLE_ADDED -> {
                ArticleAdded a = event.payloadAs(ArticleAdded.class);
                ObjectNode ticket = ticket(id);
                if (ticket == null && !target.live()) {
                    return; // not copied into the new index yet: the reindex reads the ticket again
                }
                Map<String, Object> article = TicketIndex.articleDocument(a, event.occurredAt());
                ops.add(new ArticleIndex(Long.toString(a.articleId()), article));
                update(id, TicketIndex.articleChanges(a, article, event.occurredAt(), ticket), true);
            }
            default -> {
                Map<String, Object> doc = TicketIndex.ticketChanges(event, () -> ticket(id));
                if (doc != null) {
                    // as TicketIndex.update: the live index creates a missing ticket, a new index leaves it to the reindex
                    update(id, doc, target.live());
                }
            }
        }
    }

    private void update(String id, Map<String, Object> doc, boolean upsert) {
        TicketUpdate pending = updates.get(id);
        if (pending == null || pending.upsert != upsert) {
            pending = new TicketUpdate(id, upsert);
            ops.add(pending);
            updates.put(id, pending);
        }
        merge(pending.doc, doc);
        if (tickets.containsKey(id)) {
            ObjectNode current = tickets.get(id);
            if (current != null) {
                merge(current, (ObjectNode) Json.MAPPER.valueToTree(doc));
            } else if (upsert) {
                tickets.put(id, (ObjectNode) Json.MAPPER.valueToTree(doc));
            }
        }
    }

    /** The ticket document as it will be (written and read now if no event of the batch announced the read). */
    private ObjectNode ticket(String id) {
        if (!tickets.containsKey(id)) {
            flush();
            read(Set.of(id));
        }
        return tickets.get(id);
    }

    private void read(Set<String> ids) {
        List<String> missing = ids.stream().filter(id -> !tickets.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        JsonNode result = es.call("POST", "/" + target.tickets() + "/_mget", Map.of("ids", missing));
        for (JsonNode doc : result.path("docs")) {
            String id = doc.path("_id").asText();
            if (doc.has("error")) {
                if (!"index_not_found_exception".equals(doc.path("error").path("type").asText())) {
                    throw new IllegalStateException("ticket " + id + " not read: " + doc.path("error"));
                }
                if (target.live()) {
                    throw new Es.Rejected(404, "ticket " + id + " not read: " + doc.path("error").path("reason").asText());
                }
                tickets.put(id, null);
            } else {
                tickets.put(id, doc.path("found").asBoolean() ? (ObjectNode) doc.path("_source").deepCopy() : null);
            }
        }
    }

    private void flush() {
        StringBuilder bulk = new StringBuilder();
        for (Op op : ops) {
            String lines = op.ndjson(target);
            if (!bulk.isEmpty() && bulk.length() + lines.length() > MAX_BULK_CHARS) {
                send(bulk.toString());
                bulk.setLength(0);
            }
            bulk.append(lines);
        }
        if (!bulk.isEmpty()) {
            send(bulk.toString());
        }
        ops.clear();
        updates.clear();
    }

    /** Live indices: to their aliases only (a lost alias fails the batch); a reindex's new indices: a 404 is a ticket not copied yet. */
    private void send(String ndjson) {
        if (target.live()) {
            es.bulkToAliases(ndjson);
        } else {
            es.bulk(ndjson, false);
        }
    }

    /** Merges a partial document into another as Elasticsearch does: objects merge, anything else is replaced. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> into, Map<String, Object> changes) {
        changes.forEach((field, value) -> {
            Object old = into.get(field);
            if (value instanceof Map<?, ?> m && old instanceof Map<?, ?> o) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) o);
                merge(merged, (Map<String, Object>) m);
                into.put(field, merged);
            } else if (value instanceof Map<?, ?> m) {
                into.put(field, new LinkedHashMap<>((Map<String, Object>) m));
            } else {
                into.put(field, value);
            }
        });
    }

    static void merge(ObjectNode into, ObjectNode changes) {
        changes.fields().forEachRemaining(e -> {
            JsonNode old = into.get(e.getKey());
            if (e.getValue().isObject() && old != null && old.isObject()) {
                merge((ObjectNode) old, (ObjectNode) e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }
}
