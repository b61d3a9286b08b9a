package org.relaydesk.search.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.relaydesk.search.client.TicketServiceClient;
import org.relaydesk.search.config.SearchConfig;

/**
 * The queue permission read model: queue id -> the Keycloak groups that may read its tickets
 * ({@code ro} or {@code rw} on the queue's RelayDesk group). ticket-service owns the real tables and
 * publishes no event when they change, so the model starts from configuration
 * ({@code relaydesk.search.queue-groups}, Keycloak group X reads RelayDesk group X) and is then read
 * from ticket-service's admin API every {@code relaydesk.search.permissions-refresh}; if
 * ticket-service cannot be reached the last known model stays. A queue unknown to the model is
 * visible to admins only.
 */
@ApplicationScoped
public class QueuePermissions {

    private static final Logger LOG = Logger.getLogger(QueuePermissions.class);

    @Inject
    SearchConfig config;

    @Inject
    TicketServiceClient ticketService;

    private volatile Map<Long, Set<String>> readers = Map.of();
    private ScheduledExecutorService scheduler;
    private final java.util.concurrent.atomic.AtomicBoolean refreshQueued = new java.util.concurrent.atomic.AtomicBoolean();

    void start(@Observes StartupEvent event) {
        Map<Long, Set<String>> seed = new HashMap<>();
        config.queueGroups().forEach((queue, group) -> seed.put(Long.valueOf(queue.strip()), Set.of(group)));
        readers = Map.copyOf(seed);
        long period = config.permissionsRefresh().toMillis();
        if (period > 0) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "queue-permissions");
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::refreshQuietly, 0, period, TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("queue permissions not refreshed from ticket-service (keeping the last known ones): %s", e.getMessage());
        }
    }

    /** Reads queues and group grants from ticket-service and replaces the model. */
    public void refresh() {
        JsonNode queues = ticketService.queues();
        if (queues == null || !queues.isArray()) {
            throw new IllegalStateException("no queue list");
        }
        Map<Long, Set<String>> grants = new HashMap<>();
        Map<Long, Set<String>> model = new HashMap<>();
        for (JsonNode q : queues) {
            long groupId = q.path("groupId").asLong();
            Set<String> groups = grants.computeIfAbsent(groupId, id -> {
                Set<String> readable = new LinkedHashSet<>();
                JsonNode list = ticketService.groupGrants(id);
                if (list != null) {
                    for (JsonNode g : list) {
                        for (JsonNode p : g.path("permissions")) {
                            if ("ro".equals(p.asText()) || "rw".equals(p.asText())) {
                                readable.add(g.path("keycloakGroup").asText());
                            }
                        }
                    }
                }
                return Set.copyOf(readable);
            });
            model.put(q.path("id").asLong(), groups);
        }
        readers = Map.copyOf(model);
        LOG.debugf("queue permissions refreshed: %d queues", model.size());
    }

    /**
     * Refreshes the model soon when an event names a queue it does not know yet, so agents see a
     * new queue's tickets without waiting for the periodic refresh (at most one refresh queued).
     */
    public void noteQueue(long queueId) {
        if (queueId <= 0 || readers.containsKey(queueId) || scheduler == null
                || !refreshQueued.compareAndSet(false, true)) {
            return;
        }
        scheduler.execute(() -> {
            refreshQueued.set(false);
            refreshQuietly();
        });
    }

    /** The queues readable with these Keycloak groups. */
    public Set<Long> readableQueues(Set<String> groups) {
        Set<Long> ids = new LinkedHashSet<>();
        readers.forEach((queue, readerGroups) -> {
            if (readerGroups.stream().anyMatch(groups::contains)) {
                ids.add(queue);
            }
        });
        return ids;
    }
}
