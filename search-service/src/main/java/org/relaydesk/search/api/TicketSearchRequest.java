package org.relaydesk.search.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A ticket search: full text ({@code q}: words must all match, {@code "quoted phrases"} match as
 * phrases, a single token also matches ticket numbers by prefix) plus field filters. Lists mean
 * "any of". Also the stored form of a saved search.
 *
 * @param q             full text across title, from, to, cc, subject, body and attachment names
 * @param number        ticket number or number prefix
 * @param title         words of the title
 * @param queue         queue names
 * @param queueId       queue ids
 * @param state         state names
 * @param stateType     state types (new, open, pending reminder, ..., closed, merged)
 * @param priority      priorities 1..5
 * @param owner         owner logins
 * @param responsible   responsible logins
 * @param lock          lock or unlock
 * @param customerUserId customer user logins
 * @param customerId    customer (organisation) ids
 * @param service       service names
 * @param type          ticket type names
 * @param created       creation range
 * @param changed       last change range
 * @param closed        close range
 * @param dynamicFields dynamic field name -> any of these values
 * @param escalated     escalated or not
 * @param sort          created, changed, closed, priority, number, queue, state or score; leading '-' = descending
 * @param cursor        {@code nextCursor} of the previous page ({@code search_after})
 * @param size          page size, 1..200 (default 20)
 * @param highlight     return highlighted fragments (default true)
 * @param aggregations  return counts per queue, state and state type (default true)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketSearchRequest(
        String q,
        String number,
        String title,
        List<String> queue,
        List<Long> queueId,
        List<String> state,
        List<String> stateType,
        List<Integer> priority,
        List<String> owner,
        List<String> responsible,
        String lock,
        List<String> customerUserId,
        List<String> customerId,
        List<String> service,
        List<String> type,
        Range created,
        Range changed,
        Range closed,
        Map<String, List<String>> dynamicFields,
        Boolean escalated,
        String sort,
        String cursor,
        Integer size,
        Boolean highlight,
        Boolean aggregations) {

    /** A time range, both ends optional and inclusive. */
    public record Range(Instant from, Instant to) {
    }

    public static TicketSearchRequest ofQuery(String q, int size) {
        return new TicketSearchRequest(q, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, size, false, false);
    }

    /** The same search for another page. */
    public TicketSearchRequest withPage(String cursor, Integer size) {
        return new TicketSearchRequest(q, number, title, queue, queueId, state, stateType, priority, owner, responsible,
                lock, customerUserId, customerId, service, type, created, changed, closed, dynamicFields, escalated, sort,
                cursor, size != null ? size : this.size, highlight, aggregations);
    }
}
