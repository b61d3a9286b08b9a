package org.relaydesk.notification.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.relaydesk.notification.client.TicketServiceApi;
import org.relaydesk.notification.config.NotificationConfig;
import org.relaydesk.notification.repository.PreferenceRepository.Follower;

/**
 * The queue permission read model: queue id → the Keycloak groups that may read the queue's
 * tickets ({@code ro} or {@code rw} on the queue's RelayDesk group), used to keep queue
 * notifications (new ticket, moved, follow-ups, escalations and reminders to the queue's
 * followers) to agents who may read the queue. ticket-service owns the permissions and publishes
 * no event when they change, so:
 * <ul>
 * <li>the model starts from configuration ({@code relaydesk.notification.permissions.queue-readers})
 * and is then read again from ticket-service's admin API ({@code GET /api/admin/queues},
 * {@code GET /api/admin/groups/{id}/permissions}, as {@code relaydesk-service}) every
 * {@code relaydesk.notification.permissions.refresh} (60 s), each read replacing it whole: a
 * grant changed in ticket-service counts here within about a minute;</li>
 * <li>when ticket-service cannot be reached (or fails), the last known model stays and a warning is
 * logged;</li>
 * <li><b>a queue the model does not know (yet)</b>, e.g. one created since the last read, <b>is
 * not filtered</b>: its followers are notified as before and an INFO line says so. Dropping
 * notifications because the model is behind would silently lose work that agents chose to
 * follow, while the notification carries only number, title and queue name and the ticket itself
 * is still permission-checked by ticket-service when opened;</li>
 * <li>likewise <b>a follower whose groups are not known yet</b> (they have not called this service
 * since groups are recorded) is not filtered;</li>
 * <li>followers with the {@code admin} role may read every queue, as in ticket-service.</li>
 * </ul>
 */
@ApplicationScoped
public class QueueReaders {

    private static final Logger LOG = Logger.getLogger(QueueReaders.class);

    @Inject
    NotificationConfig config;

    @Inject
    @RestClient
    TicketServiceApi ticketService;

    private volatile Map<Long, Set<String>> readers = Map.of();

    void seed(@Observes StartupEvent event) {
        readers = seed(config.permissions().queueReaders());
    }

    /** Parses the configured seed: queue id → comma-separated Keycloak groups. */
    static Map<Long, Set<String>> seed(Map<String, String> configured) {
        Map<Long, Set<String>> model = new HashMap<>();
        configured.forEach((queue, groups) -> {
            Set<String> names = new LinkedHashSet<>();
            for (String g : groups.split(",")) {
                if (!g.isBlank()) {
                    names.add(g.strip());
                }
            }
            model.put(Long.valueOf(queue.strip()), Set.copyOf(names));
        });
        return Map.copyOf(model);
    }

    @Scheduled(identity = "queue-readers-refresh", every = "${relaydesk.notification.permissions.refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("queue permissions not read from ticket-service, keeping the last known ones (%d queues): %s",
                    readers.size(), e.getMessage());
        }
    }

    /** Reads queues and group grants from ticket-service and replaces the model; throws when that fails. */
    public void refresh() {
        List<TicketServiceApi.QueueRef> queues = ticketService.queues();
        Map<Long, Set<String>> byGroup = new HashMap<>();
        Map<Long, Set<String>> model = new HashMap<>();
        for (TicketServiceApi.QueueRef q : queues) {
            Set<String> groups = q.groupId() == null ? Set.of()
                    : byGroup.computeIfAbsent(q.groupId(), this::readersOfGroup);
            model.put(q.id(), groups);
        }
        readers = Map.copyOf(model);
        LOG.debugf("queue permissions read from ticket-service: %d queues", model.size());
    }

    private Set<String> readersOfGroup(long groupId) {
        List<TicketServiceApi.GroupGrant> grants;
        try {
            grants = ticketService.groupPermissions(groupId);
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Set.of(); // the group went away since the queue list was read
            }
            throw e;
        }
        Set<String> readable = new LinkedHashSet<>();
        for (TicketServiceApi.GroupGrant g : grants == null ? List.<TicketServiceApi.GroupGrant>of() : grants) {
            if (g.keycloakGroup() != null && g.permissions() != null
                    && (g.permissions().contains("ro") || g.permissions().contains("rw"))) {
                readable.add(g.keycloakGroup());
            }
        }
        return Set.copyOf(readable);
    }

    /** The Keycloak groups that may read the queue, or empty when the model does not know the queue. */
    public Optional<Set<String>> readers(long queueId) {
        return Optional.ofNullable(readers.get(queueId));
    }

    /**
     * The followers of a queue who may read it, in order (see the class comment for queues and
     * agents the model does not know).
     */
    public List<String> mayRead(long queueId, Collection<Follower> followers) {
        List<String> allowed = new ArrayList<>();
        if (followers.isEmpty()) {
            return allowed;
        }
        Set<String> queueReaders = readers.get(queueId);
        if (queueReaders == null) {
            LOG.infof("queue %d is not in the permission model (yet): its %d followers are notified unfiltered",
                    queueId, followers.size());
            followers.forEach(f -> allowed.add(f.agent()));
            return allowed;
        }
        for (Follower f : followers) {
            if (f.admin()) {
                allowed.add(f.agent());
            } else if (f.groups() == null) {
                LOG.infof("groups of agent %s are not known yet: notified of queue %d unfiltered", f.agent(), queueId);
                allowed.add(f.agent());
            } else if (f.groups().stream().anyMatch(queueReaders::contains)) {
                allowed.add(f.agent());
            } else {
                LOG.debugf("agent %s follows queue %d but none of their groups %s may read it: not notified",
                        f.agent(), queueId, f.groups());
            }
        }
        return allowed;
    }
}
