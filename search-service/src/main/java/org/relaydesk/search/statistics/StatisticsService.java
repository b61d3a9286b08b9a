package org.relaydesk.search.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.relaydesk.search.api.TicketSearchRequest;
import org.relaydesk.search.service.Es;
import org.relaydesk.search.service.Indices;
import org.relaydesk.search.service.Scope;
import org.relaydesk.search.service.TicketSearch;

/**
 * Statistics as Elasticsearch aggregations over the ticket index (terms, date_histogram, avg,
 * percentiles), permission-filtered like a search. Times are UTC days, weeks and months; durations
 * are minutes of wall-clock time (not business hours).
 */
@ApplicationScoped
public class StatisticsService {

    /** State types that count as open. */
    public static final List<String> OPEN_TYPES = List.of("new", "open", "pending reminder", "pending auto close+",
            "pending auto close-");

    static final Map<String, String> TERMS = Map.ofEntries(
            Map.entry("queue", "queue"), Map.entry("state", "state"), Map.entry("stateType", "stateType"),
            Map.entry("priority", "priority"), Map.entry("owner", "owner"), Map.entry("responsible", "responsible"),
            Map.entry("customer", "customerId"), Map.entry("customerUser", "customerUserId"),
            Map.entry("service", "service"), Map.entry("serviceId", "serviceId"), Map.entry("type", "type"),
            Map.entry("lock", "lock"));
    static final Map<String, String> TIMES = Map.of("created", "createdAt", "closed", "closedAt", "changed", "changedAt");
    static final Map<String, String> DURATIONS = Map.of("firstResponse", "firstResponseMinutes", "solution", "solutionMinutes");

    @Inject
    Es es;

    @Inject
    Indices indices;

    @Inject
    TicketSearch search;

    /** Runs a composed report. */
    public ReportTable run(ReportDefinition d, Scope scope) {
        List<String> dims = d.dimensions() == null ? List.of() : d.dimensions();
        List<String> metrics = d.metrics() == null || d.metrics().isEmpty() ? List.of("count") : d.metrics();
        if (dims.size() > 3) {
            throw new IllegalArgumentException("at most 3 dimensions");
        }
        TicketSearchRequest filter = d.filter() != null ? d.filter() : TicketSearchRequest.ofQuery(null, 0);
        Map<String, Object> leaf = new LinkedHashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            Map<String, Object> agg = metricAgg(metrics.get(i));
            if (agg != null) {
                leaf.put("m" + i, agg);
            }
        }
        Map<String, Object> aggs = leaf;
        for (int i = dims.size() - 1; i >= 0; i--) {
            Map<String, Object> agg = new LinkedHashMap<>(dimensionAgg(dims.get(i)));
            if (!aggs.isEmpty()) {
                agg.put("aggs", aggs);
            }
            aggs = Map.of("d" + i, agg);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", 0);
        body.put("track_total_hits", true);
        body.put("query", search.query(filter, scope));
        if (!aggs.isEmpty()) {
            body.put("aggs", aggs);
        }
        JsonNode r = es.call("POST", "/" + indices.tickets() + "/_search", body);
        List<String> columns = new ArrayList<>(dims);
        columns.addAll(metrics);
        List<List<Object>> rows = new ArrayList<>();
        if (dims.isEmpty()) {
            rows.add(metricValues(metrics, r.path("aggregations"), r.path("hits").path("total").path("value").asLong()));
        } else {
            flatten(r.path("aggregations").path("d0"), 0, dims.size(), metrics, new ArrayList<>(), rows);
        }
        return new ReportTable(d.title() == null ? "Report" : d.title(), columns, rows);
    }

    private void flatten(JsonNode agg, int level, int depth, List<String> metrics, List<Object> prefix, List<List<Object>> rows) {
        for (JsonNode b : agg.path("buckets")) {
            List<Object> keys = new ArrayList<>(prefix);
            keys.add(bucketKey(b));
            if (level + 1 < depth) {
                flatten(b.path("d" + (level + 1)), level + 1, depth, metrics, keys, rows);
            } else {
                keys.addAll(metricValues(metrics, b, b.path("doc_count").asLong()));
                rows.add(keys);
            }
        }
    }

    private static Object bucketKey(JsonNode b) {
        if (b.has("key_as_string")) {
            return b.get("key_as_string").asText();
        }
        JsonNode k = b.path("key");
        return k.isIntegralNumber() ? (Object) k.asLong() : k.asText();
    }

    private static List<Object> metricValues(List<String> metrics, JsonNode bucket, long count) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            if ("count".equals(metrics.get(i))) {
                values.add(count);
                continue;
            }
            JsonNode m = bucket.path("m" + i);
            JsonNode v = m.has("values") ? m.path("values").path(0).path("value") : m.path("value");
            values.add(v.isNumber() ? round(v.asDouble()) : null);
        }
        return values;
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    static Map<String, Object> dimensionAgg(String dim) {
        if (dim.startsWith("df:") && dim.length() > 3) {
            return Map.of("terms", Map.of("field", "dynamicFields." + dim.substring(3), "size", 1000, "missing", "(none)"));
        }
        int colon = dim.indexOf(':');
        if (colon > 0 && TIMES.containsKey(dim.substring(0, colon))) {
            String interval = dim.substring(colon + 1);
            String format = switch (interval) {
                case "day", "week" -> "yyyy-MM-dd";
                case "month" -> "yyyy-MM";
                default -> throw new IllegalArgumentException("time dimension " + dim + ": interval must be day, week or month");
            };
            return Map.of("date_histogram", Map.of("field", TIMES.get(dim.substring(0, colon)), "calendar_interval", interval,
                    "format", format, "time_zone", "UTC", "min_doc_count", 1));
        }
        String field = TERMS.get(dim);
        if (field == null) {
            throw new IllegalArgumentException("unknown dimension " + dim + "; use one of " + TERMS.keySet()
                    + ", df:<field>, created|closed|changed:day|week|month");
        }
        Map<String, Object> terms = new LinkedHashMap<>(Map.of("field", field, "size", 1000));
        if (!"priority".equals(dim) && !"serviceId".equals(dim)) {
            terms.put("missing", "(none)");
        }
        terms.put("order", Map.of("_key", "asc"));
        return Map.of("terms", terms);
    }

    static Map<String, Object> metricAgg(String metric) {
        if ("count".equals(metric)) {
            return null;
        }
        int colon = metric.indexOf(':');
        String fn = colon > 0 ? metric.substring(0, colon) : metric;
        String field = colon > 0 ? DURATIONS.get(metric.substring(colon + 1)) : null;
        if (field == null) {
            throw new IllegalArgumentException("unknown metric " + metric + "; use count or avg|min|max|p<N>:firstResponse|solution");
        }
        return switch (fn) {
            case "avg", "min", "max" -> Map.of(fn, Map.of("field", field));
            default -> {
                if (!fn.matches("p\\d{1,2}(\\.\\d+)?")) {
                    throw new IllegalArgumentException("unknown metric function " + fn);
                }
                yield Map.of("percentiles", Map.of("field", field, "percents", List.of(Double.parseDouble(fn.substring(1))),
                        "keyed", false));
            }
        };
    }

    // ---- predefined reports ----

    /** Tickets created and closed per day and queue in the period. */
    public ReportTable createdClosed(Instant from, Instant to, List<String> queues, Scope scope) {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("gte", from.toString());
        range.put("lte", to.toString());
        Map<String, Object> byQueueDay = Map.of("terms", Map.of("field", "queue", "size", 1000),
                "aggs", Map.of("day", Map.of("date_histogram", Map.of("field", "FIELD", "calendar_interval", "day",
                        "format", "yyyy-MM-dd", "time_zone", "UTC", "min_doc_count", 1))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", 0);
        body.put("query", search.query(queueFilter(queues), scope));
        body.put("aggs", Map.of(
                "created", Map.of("filter", Map.of("range", Map.of("createdAt", range)), "aggs", Map.of("q", withField(byQueueDay, "createdAt"))),
                "closed", Map.of("filter", Map.of("range", Map.of("closedAt", range)), "aggs", Map.of("q", withField(byQueueDay, "closedAt")))));
        JsonNode r = es.call("POST", "/" + indices.tickets() + "/_search", body);
        TreeMap<String, long[]> counts = new TreeMap<>();
        collect(r.path("aggregations").path("created"), counts, 0);
        collect(r.path("aggregations").path("closed"), counts, 1);
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] parts = key.split("\u0000", 2);
            rows.add(List.of(parts[0], parts[1], c[0], c[1]));
        });
        return new ReportTable("Tickets created and closed per day and queue", List.of("day", "queue", "created", "closed"), rows);
    }

    private static void collect(JsonNode agg, TreeMap<String, long[]> counts, int slot) {
        for (JsonNode q : agg.path("q").path("buckets")) {
            for (JsonNode d : q.path("day").path("buckets")) {
                counts.computeIfAbsent(d.path("key_as_string").asText() + "\u0000" + q.path("key").asText(), k -> new long[2])[slot]
                        += d.path("doc_count").asLong();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withField(Map<String, Object> byQueueDay, String field) {
        Map<String, Object> day = (Map<String, Object>) ((Map<String, Object>) byQueueDay.get("aggs")).get("day");
        Map<String, Object> histogram = new LinkedHashMap<>((Map<String, Object>) day.get("date_histogram"));
        histogram.put("field", field);
        return Map.of("terms", byQueueDay.get("terms"), "aggs", Map.of("day", Map.of("date_histogram", histogram)));
    }

    /** Open tickets (now) by queue and state. */
    public ReportTable openByQueueAndState(List<String> queues, Scope scope) {
        TicketSearchRequest f = filter(queues, OPEN_TYPES, null);
        return run(new ReportDefinition("Open tickets by queue and state", List.of("queue", "state"), List.of("count"), f), scope);
    }

    /** First response and solution times (minutes) per queue, of the tickets created in the period. */
    public ReportTable responseTimes(Instant from, Instant to, List<String> queues, Scope scope) {
        TicketSearchRequest f = filter(queues, null, new TicketSearchRequest.Range(from, to));
        return run(new ReportDefinition("First response and solution times (minutes) per queue", List.of("queue"),
                List.of("count", "avg:firstResponse", "p50:firstResponse", "p90:firstResponse", "avg:solution",
                        "p50:solution", "p90:solution"), f), scope);
    }

    /** Tickets created in the period by the value of a dynamic field. */
    public ReportTable byDynamicField(String field, Instant from, Instant to, List<String> queues, Scope scope) {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("field is required");
        }
        TicketSearchRequest f = filter(queues, null, new TicketSearchRequest.Range(from, to));
        return run(new ReportDefinition("Tickets by " + field, List.of("df:" + field), List.of("count"), f), scope);
    }

    private static TicketSearchRequest queueFilter(List<String> queues) {
        return filter(queues, null, null);
    }

    private static TicketSearchRequest filter(List<String> queues, List<String> stateTypes, TicketSearchRequest.Range created) {
        return new TicketSearchRequest(null, null, null, queues == null || queues.isEmpty() ? null : queues, null, null,
                stateTypes, null, null, null, null, null, null, null, null, created, null, null, null, null, null, null,
                0, false, false);
    }
}
