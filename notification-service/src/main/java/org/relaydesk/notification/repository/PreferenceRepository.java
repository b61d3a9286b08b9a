package org.relaydesk.notification.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.relaydesk.contracts.Json;
import org.relaydesk.notification.AgentPreferences;
import org.relaydesk.notification.NotificationKind;

/** Agent preferences, My Queues and channel settings (plain SQL over three small tables). */
@ApplicationScoped
public class PreferenceRepository {

    /**
     * An agent with what they may access as of their last call to this service: a follower of a
     * queue ({@link #followers}) or an agent known to the service ({@link #agentsWithKnownGroups}).
     *
     * @param agent  Keycloak username
     * @param admin  the agent had the admin role (reads and writes every queue)
     * @param groups the agent's Keycloak groups, or null when not known yet
     */
    public record AgentAccess(String agent, boolean admin, Set<String> groups) {
    }

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AgentPreferences> find(String agent) {
        return Optional.ofNullable(load(List.of(agent)).get(agent));
    }

    /** Preferences of the given agents that have saved any (others are absent from the map). */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, AgentPreferences> load(Collection<String> agents) {
        Map<String, AgentPreferences> result = new HashMap<>();
        if (agents.isEmpty()) {
            return result;
        }
        List<Object[]> rows = em.createNativeQuery("select agent, email, language, out_of_office_from, out_of_office_to, "
                + "substitute from agent_preference where agent in (:agents)").setParameter("agents", agents).getResultList();
        Map<String, Set<Long>> queues = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "select agent, queue_id from agent_queue where agent in (:agents) order by queue_id")
                .setParameter("agents", agents).getResultList()) {
            queues.computeIfAbsent((String) r[0], k -> new LinkedHashSet<>()).add(((Number) r[1]).longValue());
        }
        Map<String, Map<NotificationKind, AgentPreferences.Channels>> settings = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "select agent, kind, email, in_app from agent_notification_setting where agent in (:agents)")
                .setParameter("agents", agents).getResultList()) {
            NotificationKind kind;
            try {
                kind = NotificationKind.valueOf((String) r[1]);
            } catch (IllegalArgumentException e) {
                continue; // a kind that no longer exists
            }
            settings.computeIfAbsent((String) r[0], k -> new EnumMap<>(NotificationKind.class))
                    .put(kind, new AgentPreferences.Channels((Boolean) r[2], (Boolean) r[3]));
        }
        for (Object[] r : rows) {
            String agent = (String) r[0];
            result.put(agent, new AgentPreferences(agent, (String) r[1], (String) r[2],
                    queues.getOrDefault(agent, Set.of()),
                    settings.getOrDefault(agent, new EnumMap<>(NotificationKind.class)),
                    toDate(r[3]), toDate(r[4]), (String) r[5]));
        }
        return result;
    }

    /** Replaces the agent's preferences as a whole. */
    @Transactional
    public void save(AgentPreferences p) {
        AgentPreferenceEntity row = em.find(AgentPreferenceEntity.class, p.agent());
        if (row == null) {
            row = new AgentPreferenceEntity();
            row.agent = p.agent();
        }
        row.email = p.email();
        row.language = p.language();
        row.outOfOfficeFrom = p.oooFrom();
        row.outOfOfficeTo = p.oooTo();
        row.substitute = p.substitute();
        row.updatedAt = java.time.Instant.now();
        row.persist();
        em.flush();
        em.createNativeQuery("delete from agent_queue where agent = :agent").setParameter("agent", p.agent()).executeUpdate();
        for (Long queueId : p.myQueues()) {
            em.createNativeQuery("insert into agent_queue (agent, queue_id) values (:agent, :queue)")
                    .setParameter("agent", p.agent()).setParameter("queue", queueId).executeUpdate();
        }
        em.createNativeQuery("delete from agent_notification_setting where agent = :agent")
                .setParameter("agent", p.agent()).executeUpdate();
        for (var e : p.channels().entrySet()) {
            em.createNativeQuery("insert into agent_notification_setting (agent, kind, email, in_app) "
                            + "values (:agent, :kind, :email, :inApp)")
                    .setParameter("agent", p.agent()).setParameter("kind", e.getKey().name())
                    .setParameter("email", e.getValue().email()).setParameter("inApp", e.getValue().inApp())
                    .executeUpdate();
        }
    }

    /** Agents who have the queue in My Queues, with their groups (unfiltered: see QueueReaders). */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgentAccess> followers(long queueId) {
        List<AgentAccess> followers = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select q.agent, p.admin, p.keycloak_groups "
                        + "from agent_queue q join agent_preference p on p.agent = q.agent where q.queue_id = :q order by q.agent")
                .setParameter("q", queueId).getResultList()) {
            followers.add(new AgentAccess((String) r[0], Boolean.TRUE.equals(r[1]), groups((String) r[2])));
        }
        return followers;
    }

    /**
     * Every agent whose groups this service knows: a preference row (the agent saved their
     * preferences once) on which a later call recorded the groups. Agents without such a row are
     * unknown here, whatever their permissions in ticket-service (see QueueReaders).
     */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgentAccess> agentsWithKnownGroups() {
        List<AgentAccess> agents = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select agent, admin, keycloak_groups "
                + "from agent_preference where keycloak_groups is not null order by agent").getResultList()) {
            Set<String> groups = groups((String) r[2]);
            if (groups != null) {
                agents.add(new AgentAccess((String) r[0], Boolean.TRUE.equals(r[1]), groups));
            }
        }
        return agents;
    }

    /**
     * Records the agent's Keycloak groups and admin role from their token on their preference row
     * (if they have one; only agents who saved preferences follow queues). Writes only on a change.
     */
    @Transactional
    public void rememberAccess(String agent, Set<String> groups, boolean admin) {
        String json = Json.write(new TreeSet<>(groups));
        em.createNativeQuery("update agent_preference set keycloak_groups = :groups, admin = :admin "
                        + "where agent = :agent and (keycloak_groups is distinct from :groups or admin <> :admin)")
                .setParameter("groups", json).setParameter("admin", admin).setParameter("agent", agent)
                .executeUpdate();
    }

    private static Set<String> groups(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Set.copyOf(Json.MAPPER.readValue(json, new TypeReference<List<String>>() { }));
        } catch (JsonProcessingException e) {
            return null; // unreadable: treated as not known
        }
    }

    private static LocalDate toDate(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        return ((Date) o).toLocalDate();
    }
}
