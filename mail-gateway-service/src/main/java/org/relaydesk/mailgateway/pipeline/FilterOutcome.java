package org.relaydesk.mailgateway.pipeline;

import java.util.List;
import java.util.Map;

/**
 * The combined effect of the postmaster filters that matched one mail (later filters
 * override earlier ones' settings).
 *
 * @param matchedFilters names of the filters that matched, in evaluation order
 * @param queue the queue to use, or null (the mail account's or system address's queue)
 * @param priority the priority 1..5, or null
 * @param state the state name, or null
 * @param dynamicFields dynamic fields to set
 * @param junk whether the mail was marked as junk
 * @param ignore whether the mail must not become an article
 */
public record FilterOutcome(List<String> matchedFilters, String queue, Integer priority, String state,
        Map<String, String> dynamicFields, boolean junk, boolean ignore) {

    public static final FilterOutcome NONE = new FilterOutcome(List.of(), null, null, null, Map.of(), false, false);

    public FilterOutcome {
        matchedFilters = List.copyOf(matchedFilters);
        dynamicFields = Map.copyOf(dynamicFields);
    }
}
