package org.relaydesk.search.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaydesk.contracts.Json;
import org.relaydesk.search.api.TicketSearchRequest;
import org.relaydesk.search.api.TicketSearchResult;

/** Turns a {@link TicketSearchRequest} and the caller's {@link Scope} into an Elasticsearch query. */
@ApplicationScoped
public class TicketSearch {

    static final List<String> AGENT_TEXT = List.of("title^2", "from", "to", "cc", "subject", "body", "attachmentNames",
            "attachmentText");
    static final List<String> CUSTOMER_TEXT = List.of("title^2", "publicFrom", "publicTo", "publicCc", "publicSubject",
            "publicBody", "publicAttachmentNames", "publicAttachmentText");
    static final List<String> HIDDEN = List.of("from", "to", "cc", "subject", "body", "attachmentNames", "publicFrom",
            "publicTo", "publicCc", "publicSubject", "publicBody", "publicAttachmentNames", "attachmentText", "publicAttachmentText", "articleIds");
    static final Map<String, String> SORT_FIELDS = Map.of("created", "createdAt", "changed", "changedAt", "closed",
            "closedAt", "priority", "priority", "number", "number", "queue", "queue", "state", "state", "score", "_score");
    private static final Pattern PHRASE = Pattern.compile("\"([^\"]+)\"");

    @Inject
    Es es;

    @Inject
    Indices indices;

    public TicketSearchResult search(TicketSearchRequest r, Scope scope) {
        int size = r.size() == null ? 20 : Math.max(1, Math.min(200, r.size()));
        List<String> textFields = scope.customer() ? CUSTOMER_TEXT : AGENT_TEXT;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", size);
        body.put("track_total_hits", true);
        body.put("query", query(r, scope));
        body.put("_source", Map.of("excludes", HIDDEN));
        List<Object> sort = sort(r);
        body.put("sort", sort);
        if (r.cursor() != null && !r.cursor().isBlank()) {
            body.put("search_after", decodeCursor(r.cursor()));
        }
        if (!Boolean.FALSE.equals(r.highlight()) && hasText(r)) {
            Map<String, Object> fields = new LinkedHashMap<>();
            textFields.forEach(f -> fields.put(f.replace("^2", ""), Map.of()));
            // long attachment texts: highlight within the first million characters instead of failing the search
            body.put("highlight", Map.of("fields", fields, "number_of_fragments", 3, "fragment_size", 150,
                    "max_analyzed_offset", 999_999));
        }
        if (!Boolean.FALSE.equals(r.aggregations())) {
            body.put("aggs", Map.of(
                    "queue", Map.of("terms", Map.of("field", "queue", "size", 200)),
                    "state", Map.of("terms", Map.of("field", "state", "size", 100)),
                    "stateType", Map.of("terms", Map.of("field", "stateType", "size", 20))));
        }
        JsonNode response = es.call("POST", "/" + indices.tickets() + "/_search", body);
        List<TicketSearchResult.Hit> hits = new ArrayList<>();
        JsonNode last = null;
        for (JsonNode h : response.path("hits").path("hits")) {
            Map<String, Object> ticket = Json.MAPPER.convertValue(h.path("_source"), new TypeReference<>() {
            });
            Map<String, List<String>> highlight = h.has("highlight")
                    ? Json.MAPPER.convertValue(h.get("highlight"), new TypeReference<>() {
                    })
                    : null;
            if (highlight != null) {
                Map<String, List<String>> renamed = new LinkedHashMap<>();
                highlight.forEach((k, v) -> renamed.put(k.startsWith("public")
                        ? Character.toLowerCase(k.charAt(6)) + k.substring(7) : k, v));
                highlight = renamed;
            }
            hits.add(new TicketSearchResult.Hit(ticket, h.path("_score").isNumber() ? h.path("_score").asDouble() : null,
                    highlight));
            last = h;
        }
        String next = last != null && hits.size() == size ? encodeCursor(last.path("sort")) : null;
        Map<String, Map<String, Long>> aggs = null;
        if (response.has("aggregations")) {
            aggs = new LinkedHashMap<>();
            for (String name : List.of("queue", "state", "stateType")) {
                Map<String, Long> counts = new LinkedHashMap<>();
                response.path("aggregations").path(name).path("buckets")
                        .forEach(b -> counts.put(b.path("key").asText(), b.path("doc_count").asLong()));
                aggs.put(name, counts);
            }
        }
        return new TicketSearchResult(response.path("hits").path("total").path("value").asLong(), hits, next, aggs);
    }

    /** The permission filter of a scope, for searches and statistics alike. */
    public static Map<String, Object> permissionFilter(Scope scope) {
        if (scope.customer()) {
            return Map.of("terms", Map.of("customerUserId", List.copyOf(scope.customerIds())));
        }
        if (scope.all()) {
            return Map.of("match_all", Map.of());
        }
        return Map.of("terms", Map.of("queueId", List.copyOf(scope.queueIds())));
    }

    /** The bool query of a search: text, field filters and the permission filter. */
    public Map<String, Object> query(TicketSearchRequest r, Scope scope) {
        List<Object> must = new ArrayList<>();
        List<Object> filter = new ArrayList<>();
        filter.add(permissionFilter(scope));
        List<String> textFields = scope.customer() ? CUSTOMER_TEXT : AGENT_TEXT;
        if (r.q() != null && !r.q().isBlank()) {
            String rest = r.q();
            Matcher m = PHRASE.matcher(rest);
            while (m.find()) {
                must.add(Map.of("multi_match", Map.of("query", m.group(1), "type", "phrase", "fields", textFields)));
            }
            rest = PHRASE.matcher(rest).replaceAll(" ").replace("\"", " ").strip();
            if (!rest.isEmpty()) {
                List<Object> should = new ArrayList<>();
                should.add(Map.of("multi_match", Map.of("query", rest, "type", "cross_fields", "operator", "and",
                        "fields", textFields)));
                if (!rest.contains(" ")) {
                    should.add(Map.of("prefix", Map.of("number", Map.of("value", rest, "boost", 5))));
                }
                must.add(Map.of("bool", Map.of("should", should, "minimum_should_match", 1)));
            }
        }
        if (r.number() != null && !r.number().isBlank()) {
            filter.add(Map.of("prefix", Map.of("number", r.number().strip())));
        }
        if (r.title() != null && !r.title().isBlank()) {
            must.add(Map.of("match", Map.of("title", Map.of("query", r.title(), "operator", "and"))));
        }
        terms(filter, "queue", r.queue());
        terms(filter, "queueId", r.queueId());
        terms(filter, "state", r.state());
        terms(filter, "stateType", r.stateType());
        terms(filter, "priority", r.priority());
        terms(filter, "owner", r.owner());
        terms(filter, "responsible", r.responsible());
        terms(filter, "customerUserId", r.customerUserId());
        terms(filter, "customerId", r.customerId());
        terms(filter, "service", r.service());
        terms(filter, "type", r.type());
        if (r.lock() != null && !r.lock().isBlank()) {
            filter.add(Map.of("term", Map.of("lock", r.lock().strip().toLowerCase(Locale.ROOT))));
        }
        if (r.escalated() != null) {
            filter.add(Map.of("term", Map.of("escalated", r.escalated())));
        }
        range(filter, "createdAt", r.created());
        range(filter, "changedAt", r.changed());
        range(filter, "closedAt", r.closed());
        if (r.dynamicFields() != null) {
            r.dynamicFields().forEach((field, values) -> terms(filter, "dynamicFields." + field, values));
        }
        Map<String, Object> bool = new LinkedHashMap<>();
        if (!must.isEmpty()) {
            bool.put("must", must);
        }
        bool.put("filter", filter);
        return Map.of("bool", bool);
    }

    private static boolean hasText(TicketSearchRequest r) {
        return (r.q() != null && !r.q().isBlank()) || (r.title() != null && !r.title().isBlank());
    }

    static void terms(List<Object> filter, String field, List<?> values) {
        if (values != null && !values.isEmpty()) {
            filter.add(Map.of("terms", Map.of(field, values)));
        }
    }

    static void range(List<Object> filter, String field, TicketSearchRequest.Range range) {
        if (range == null || (range.from() == null && range.to() == null)) {
            return;
        }
        Map<String, Object> bounds = new LinkedHashMap<>();
        if (range.from() != null) {
            bounds.put("gte", range.from().toString());
        }
        if (range.to() != null) {
            bounds.put("lte", range.to().toString());
        }
        filter.add(Map.of("range", Map.of(field, bounds)));
    }

    List<Object> sort(TicketSearchRequest r) {
        String s = r.sort();
        if (s == null || s.isBlank()) {
            s = hasText(r) ? "-score" : "-created";
        }
        boolean desc = s.startsWith("-");
        String name = desc ? s.substring(1) : s;
        String field = SORT_FIELDS.get(name);
        if (field == null) {
            throw new IllegalArgumentException("sort must be one of " + SORT_FIELDS.keySet() + ", optionally with a leading '-'");
        }
        List<Object> sort = new ArrayList<>();
        sort.add(Map.of(field, "_score".equals(field) ? Map.of("order", desc ? "desc" : "asc")
                : Map.of("order", desc ? "desc" : "asc", "missing", "_last")));
        sort.add(Map.of("ticketId", Map.of("order", "asc")));
        return sort;
    }

    static String encodeCursor(JsonNode sortValues) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(sortValues).getBytes(StandardCharsets.UTF_8));
    }

    static List<Object> decodeCursor(String cursor) {
        try {
            return Json.MAPPER.readValue(Base64.getUrlDecoder().decode(cursor), new TypeReference<>() {
            });
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not a cursor of this search");
        }
    }
}
