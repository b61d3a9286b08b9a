package org.relaydesk.mailgateway.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * An admin-defined postmaster filter: when ALL conditions hold, the actions apply.
 *
 * @param name the filter's unique name (shown in the stage log)
 * @param conditions the conditions, all of which must hold; at least one
 * @param actions what to do on a match; at least one
 * @param stopAfterMatch whether later filters are skipped after this one matched
 */
public record PostmasterFilter(String name, List<FilterCondition> conditions, List<FilterAction> actions,
        boolean stopAfterMatch) {

    public PostmasterFilter {
        Objects.requireNonNull(name, "name");
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("filter " + name + " needs at least one condition");
        }
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("filter " + name + " needs at least one action");
        }
    }
}
