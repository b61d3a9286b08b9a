package org.relaydesk.search.rest;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relaydesk.search.api.TicketSearchRequest;

/**
 * The query parameters of {@code GET /api/search/tickets}: the fields of {@link TicketSearchRequest},
 * lists repeated ({@code state=new&state=open}), ranges as {@code createdFrom}/{@code createdTo}
 * (ISO instants or dates), dynamic fields as {@code df.<Field>=value}.
 */
public class SearchParams {
    @QueryParam("q") public String q;
    @QueryParam("number") public String number;
    @QueryParam("title") public String title;
    @QueryParam("queue") public List<String> queue;
    @QueryParam("queueId") public List<Long> queueId;
    @QueryParam("state") public List<String> state;
    @QueryParam("stateType") public List<String> stateType;
    @QueryParam("priority") public List<Integer> priority;
    @QueryParam("owner") public List<String> owner;
    @QueryParam("responsible") public List<String> responsible;
    @QueryParam("lock") public String lock;
    @QueryParam("customerUserId") public List<String> customerUserId;
    @QueryParam("customerId") public List<String> customerId;
    @QueryParam("service") public List<String> service;
    @QueryParam("type") public List<String> type;
    @QueryParam("createdFrom") public String createdFrom;
    @QueryParam("createdTo") public String createdTo;
    @QueryParam("changedFrom") public String changedFrom;
    @QueryParam("changedTo") public String changedTo;
    @QueryParam("closedFrom") public String closedFrom;
    @QueryParam("closedTo") public String closedTo;
    @QueryParam("escalated") public Boolean escalated;
    @QueryParam("sort") public String sort;
    @QueryParam("cursor") public String cursor;
    @QueryParam("size") public Integer size;
    @QueryParam("highlight") public Boolean highlight;
    @QueryParam("aggregations") public Boolean aggregations;
    @Context public UriInfo uri;

    /** Only {@code q} (and maybe {@code size}) given: the original, array-shaped call. */
    public boolean onlyText() {
        return uri.getQueryParameters().keySet().stream().allMatch(k -> k.equals("q") || k.equals("size"));
    }

    public TicketSearchRequest toRequest() {
        Map<String, List<String>> df = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> {
            if (k.startsWith("df.") && k.length() > 3) {
                df.put(k.substring(3), v);
            }
        });
        return new TicketSearchRequest(q, number, title, empty(queue), empty(queueId), empty(state), empty(stateType),
                empty(priority), empty(owner), empty(responsible), lock, empty(customerUserId), empty(customerId),
                empty(service), empty(type), range("created", createdFrom, createdTo), range("changed", changedFrom, changedTo),
                range("closed", closedFrom, closedTo), df.isEmpty() ? null : df, escalated, sort, cursor, size, highlight,
                aggregations);
    }

    private static <T> List<T> empty(List<T> l) {
        return l == null || l.isEmpty() ? null : l;
    }

    static TicketSearchRequest.Range range(String name, String from, String to) {
        if (from == null && to == null) {
            return null;
        }
        return new TicketSearchRequest.Range(instant(name + "From", from, false), instant(name + "To", to, true));
    }

    /** An ISO instant, or a date (start of day; for an upper bound the end of that day), UTC. */
    static Instant instant(String name, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                LocalDate d = LocalDate.parse(value.strip());
                return end ? d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
                        : d.atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException(name + " must be an ISO instant or date");
            }
        }
    }
}
