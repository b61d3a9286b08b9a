package org.relaydesk.search.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;
import org.relaydesk.search.config.SearchConfig;

/**
 * The queue permission read model: queue id -> RelayDesk group, and Keycloak group X grants read on
 * RelayDesk group X (ticket-service's default group permissions). ticket-service owns the real
 * permission table and publishes no event when it changes, so this model is seeded from
 * configuration ({@code relaydesk.search.queue-groups}); a queue that is not listed is visible to
 * admins only.
 */
@ApplicationScoped
public class QueuePermissions {

    @Inject
    SearchConfig config;

    /** The queues readable with these Keycloak groups. */
    public Set<Long> readableQueues(Set<String> groups) {
        Set<Long> ids = new LinkedHashSet<>();
        config.queueGroups().forEach((queue, group) -> {
            if (groups.contains(group)) {
                ids.add(Long.valueOf(queue.strip()));
            }
        });
        return ids;
    }
}
