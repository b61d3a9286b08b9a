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
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.relaydesk.notification.client.TicketServiceApi;
import org.relaydesk.notification.config.NotificationConfig;
import org.relaydesk.notification.repository.PreferenceRepository.AgentAccess;

/**
 * The queue permission read model: queue id → the Keycloak groups that may read the queue's
 * tickets ({@code ro} or {@code rw} on the queue's RelayDesk group) and, separately, those that
 * may write them ({@code rw}). Readers keep queue notifications (new ticket, moved, follow-ups,
 * reminders to the queue's followers) to agents who may read the queue; writers pick the queue
 * part of escalation notifications (SPEC I1, {@link #escalationRecipients}). ticket-service owns
 * the permissions and publishes no event when they change, so:
 * <ul>
 * <li>the model starts from configuration ({@code relaydesk.notification.permissions.queue-readers}
 * and {@code ...queue-writers}; a writer group also reads) and is then read again from
 * ticket-service's admin API ({@code GET /api/admin/queues},
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
 * <li>agents with the {@code admin} role may read and write every queue, as in ticket-service.</li>
 * </ul>
 */
@ApplicationScoped
public class QueueReaders {

    private static final Logger LOG = Logger.getLogger(QueueReaders.class);

    /**
     * Who may do what in one queue.
     *
     * @param readers Keycloak groups with {@code ro} or {@code rw} (includes every writer)
     * @param writers Keycloak groups with {@code rw}
     */
    public record QueueAccess(Set<String> readers, Set<String> writers) {
    }

    @Inject
    NotificationConfig config;

    @Inject
    @RestClient
    TicketServiceApi ticketService;

    private volatile Map<Long, QueueAccess> model = Map.of();

    void seed(@Observes StartupEvent event) {
        model = seed(config.permissions().queueReaders(), config.permissions().queueWriters());
    }

    /**
     * Parses the configured seed: queue id → comma-separated Keycloak groups, for readers and for
     * writers. A queue's readers are its configured readers plus its writers ({@code rw} implies
     * {@code ro}); a queue configured only as readable has no writer groups (only admins write it).
     */
    static Map<Long, QueueAccess> seed(Map<String, String> readers, Map<String, String> writers) {
        Map<Long, Set<String>> r = groupsByQueue(readers);
        Map<Long, Set<String>> w = groupsByQueue(writers);
        Map<Long, QueueAccess> model = new HashMap<>();
        Set<Long> queues = new LinkedHashSet<>(r.keySet());
        queues.addAll(w.keySet());
        for (Long q : queues) {
            Set<String> writing = w.getOrDefault(q, Set.of());
            Set<String> reading = new LinkedHashSet<>(r.getOrDefault(q, Set.of()));
            reading.addAll(writing);
            model.put(q, new QueueAccess(Set.copyOf(reading), writing));
        }
        return Map.copyOf(model);
    }

    private static Map<Long, Set<String>> groupsByQueue(Map<String, String> configured) {
        Map<Long, Set<String>> byQueue = new HashMap<>();
        configured.forEach((queue, groups) -> {
            Set<String> names = new LinkedHashSet<>();
            for (String g : groups.split(",")) {
                if (!g.isBlank()) {
                    names.add(g.strip());
                }
            }
            byQueue.put(Long.valueOf(queue.strip()), Set.copyOf(names));
        });
        return byQueue;
    }

    @Scheduled(identity = "queue-readers-refresh", every = "${relaydesk.notification.permissions.refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("queue permissions not read from ticket-service, keeping the last known ones (%d queues): %s",
                    model.size(), e.getMessage());
        }
    }

    /** Reads queues and group grants from ticket-service and replaces the model; throws when that fails. */
    public void refresh() {
        List<TicketServiceApi.QueueRef> queues = ticketService.queues();
        Map<Long, QueueAccess> byGroup = new HashMap<>();
        Map<Long, QueueAccess> next = new HashMap<>();
        for (TicketServiceApi.QueueRef q : queues) {
            QueueAccess access = q.groupId() == null ? new QueueAccess(Set.of(), Set.of())
                    : byGroup.computeIfAbsent(q.groupId(), this::accessOfGroup);
            next.put(q.id(), access);
        }
        model = Map.copyOf(next);
        LOG.debugf("queue permissions read from ticket-service: %d queues", next.size());
    }

    private QueueAccess accessOfGroup(long groupId) {
        List<TicketServiceApi.GroupGrant> grants;
        try {
            grants = ticketService.groupPermissions(groupId);
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return new QueueAccess(Set.of(), Set.of()); // the group went away since the queue list was read
            }
            throw e;
        }
        Set<String> readable = new LinkedHashSet<>();
        Set<String> writable = new LinkedHashSet<>();
        for (TicketServiceApi.GroupGrant g : grants == null ? List.<TicketServiceApi.GroupGrant>of() : grants) {
            if (g.keycloakGroup() == null || g.permissions() == null) {
                continue;
            }
            if (g.permissions().contains("rw")) {
                writable.add(g.keycloakGroup());
                readable.add(g.keycloakGroup());
            } else if (g.permissions().contains("ro")) {
                readable.add(g.keycloakGroup());
            }
        }
        return new QueueAccess(Set.copyOf(readable), Set.copyOf(writable));
    }

    /** The Keycloak groups that may read the queue, or empty when the model does not know the queue. */
    public Optional<Set<String>> readers(long queueId) {
        return Optional.ofNullable(model.get(queueId)).map(QueueAccess::readers);
    }

    /** The Keycloak groups with {@code rw} on the queue, or empty when the model does not know the queue. */
    public Optional<Set<String>> writers(long queueId) {
        return Optional.ofNullable(model.get(queueId)).map(QueueAccess::writers);
    }

    /**
     * The followers of a queue who may read it, in order (see the class comment for queues and
     * agents the model does not know).
     */
    public List<String> mayRead(long queueId, Collection<AgentAccess> followers) {
        QueueAccess access = model.get(queueId);
        return holders(queueId, access == null ? null : access.readers(), followers, "read");
    }

    /**
     * SPEC I1, the queue part of an escalation (warning) of a ticket nobody owns: the queue's
     * followers with {@code rw} on it; if there are none, every agent known to this service with
     * {@code rw} on the queue. Filtering by the channels each agent chose, out of office, the
     * once-per-business-day dedupe (I2) and the business-hours hold (I3) follow in the dispatcher.
     * <p>
     * <b>Limitation:</b> "every rw agent" can only be the agents this service knows, those with a
     * preference row on which their groups were recorded ({@code agentsWithKnownGroups}: they saved
     * their notification preferences at least once, which creates the row and records the groups,
     * as does every later call). An agent who never saved them is not reached by the fallback,
     * whatever ticket-service grants them, and the groups are as of the agent's last call.
     *
     * @param knownAgents the agents whose groups are known; asked only when no follower has rw
     */
    public List<String> escalationRecipients(long queueId, Collection<AgentAccess> followers,
            Supplier<? extends Collection<AgentAccess>> knownAgents) {
        QueueAccess access = model.get(queueId);
        return escalationRecipients(queueId, access == null ? null : access.writers(), followers, knownAgents);
    }

    /**
     * The pure rule behind {@link #escalationRecipients(long, Collection, Supplier)}.
     *
     * @param writers the groups with {@code rw} on the queue, or null when the model does not know
     *                the queue: then the followers are not filtered (as for reading) and, if there
     *                are none, the fallback is the known admins (the only agents known to hold
     *                {@code rw} on every queue)
     */
    static List<String> escalationRecipients(long queueId, Set<String> writers, Collection<AgentAccess> followers,
            Supplier<? extends Collection<AgentAccess>> knownAgents) {
        List<String> subscribed = holders(queueId, writers, followers, "write");
        if (!subscribed.isEmpty()) {
            return subscribed;
        }
        List<String> all = new ArrayList<>();
        for (AgentAccess a : knownAgents.get()) {
            if (a.admin() || (writers != null && a.groups() != null && a.groups().stream().anyMatch(writers::contains))) {
                all.add(a.agent());
            }
        }
        if (writers == null) {
            LOG.infof("queue %d is not in the permission model (yet) and nobody follows it: escalation to the %d "
                    + "known admins only", queueId, all.size());
        } else {
            LOG.debugf("no follower of queue %d may write it: escalation to the %d known agents with rw", queueId,
                    all.size());
        }
        return all;
    }

    /**
     * The agents (in order) whose groups are among {@code granted}, plus admins; agents whose groups
     * are not known and every agent of a queue the model does not know ({@code granted} null) pass.
     */
    private static List<String> holders(long queueId, Set<String> granted, Collection<AgentAccess> agents,
            String what) {
        List<String> allowed = new ArrayList<>();
        if (agents.isEmpty()) {
            return allowed;
        }
        if (granted == null) {
            LOG.infof("queue %d is not in the permission model (yet): its %d followers are notified unfiltered",
                    queueId, agents.size());
            agents.forEach(f -> allowed.add(f.agent()));
            return allowed;
        }
        for (AgentAccess f : agents) {
            if (f.admin()) {
                allowed.add(f.agent());
            } else if (f.groups() == null) {
                LOG.infof("groups of agent %s are not known yet: notified of queue %d unfiltered", f.agent(), queueId);
                allowed.add(f.agent());
            } else if (f.groups().stream().anyMatch(granted::contains)) {
                allowed.add(f.agent());
            } else {
                LOG.debugf("agent %s follows queue %d but none of their groups %s may %s it: not notified",
                        f.agent(), queueId, f.groups(), what);
            }
        }
        return allowed;
    }
}
