package org.relaydesk.search.api;

import java.util.List;
import java.util.Map;

/**
 * One page of a ticket search.
 *
 * @param total        number of matching tickets (exact up to 10,000, then a lower bound)
 * @param hits         the tickets of this page
 * @param nextCursor   pass as {@code cursor} for the next page; null on the last page
 * @param aggregations counts: {@code queue}, {@code state}, {@code stateType} -> value -> count
 */
public record TicketSearchResult(long total, List<Hit> hits, String nextCursor,
                                 Map<String, Map<String, Long>> aggregations) {

    /** A ticket with its score and highlighted fragments (field -> fragments, {@code <em>} marks). */
    public record Hit(Map<String, Object> ticket, Double score, Map<String, List<String>> highlight) {
    }
}
