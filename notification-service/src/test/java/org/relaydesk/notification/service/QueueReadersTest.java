package org.relaydesk.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relaydesk.notification.client.TicketServiceApi;
import org.relaydesk.notification.client.TicketServiceApi.GroupGrant;
import org.relaydesk.notification.client.TicketServiceApi.QueueRef;
import org.relaydesk.notification.repository.PreferenceRepository.AgentAccess;
import org.relaydesk.notification.service.QueueReaders.QueueAccess;

/** The queue permission read model without a server: a stand-in admin API, and the filter's rules. */
class QueueReadersTest {

    /** ticket-service's admin API as a map; {@code down} makes every call fail like a refused connection. */
    static final class StandIn implements TicketServiceApi {
        List<QueueRef> queues = List.of();
        Map<Long, List<GroupGrant>> grants = Map.of();
        boolean down;

        @Override
        public List<QueueRef> queues() {
            if (down) {
                throw new ProcessingException("Connection refused");
            }
            return queues;
        }

        @Override
        public List<GroupGrant> groupPermissions(long groupId) {
            if (down) {
                throw new ProcessingException("Connection refused");
            }
            List<GroupGrant> g = grants.get(groupId);
            if (g == null) {
                throw new WebApplicationException(Response.status(404).build());
            }
            return g;
        }
    }

    private static QueueReaders readers(StandIn api) {
        QueueReaders r = new QueueReaders();
        r.ticketService = api;
        return r;
    }

    private static AgentAccess agent(String name, String... groups) {
        return new AgentAccess(name, false, Set.of(groups));
    }

    @Test
    void readersAreTheKeycloakGroupsWithRoOrRwOnTheQueuesGroup() {
        StandIn api = new StandIn();
        api.queues = List.of(new QueueRef(1, "Raw", 10L), new QueueRef(2, "Support", 20L), new QueueRef(3, "Gone", 30L));
        api.grants = Map.of(
                10L, List.of(new GroupGrant("users", List.of("rw"))),
                20L, List.of(new GroupGrant("support-engineers", List.of("ro", "note")),
                        new GroupGrant("triage", List.of("move_into", "create")))); // group 30 was deleted meanwhile: 404
        QueueReaders r = readers(api);
        r.refresh();
        assertEquals(Optional.of(Set.of("users")), r.readers(1));
        assertEquals(Optional.of(Set.of("support-engineers")), r.readers(2));
        assertEquals(Optional.of(Set.of()), r.readers(3));
        assertEquals(Optional.empty(), r.readers(4));
    }

    @Test
    void followersAreFilteredByGroupsAdminsPassAndUnknownsAreNotFiltered() {
        StandIn api = new StandIn();
        api.queues = List.of(new QueueRef(2, "Support", 20L));
        api.grants = Map.of(20L, List.of(new GroupGrant("support-engineers", List.of("rw"))));
        QueueReaders r = readers(api);
        r.refresh();
        List<AgentAccess> followers = List.of(agent("agent1", "users", "support-engineers"), agent("agent2", "triage"),
                agent("agent3"), new AgentAccess("admin", true, Set.of()), new AgentAccess("newcomer", false, null));
        assertEquals(List.of("agent1", "admin", "newcomer"), r.mayRead(2, followers),
                "groups decide; admins read all; an agent whose groups are not known yet is not filtered");
        assertEquals(List.of("agent1", "agent2", "agent3", "admin", "newcomer"), r.mayRead(99, followers),
                "a queue the model does not know is not filtered");
    }

    @Test
    void whenTicketServiceIsDownTheLastKnownModelStays() {
        StandIn api = new StandIn();
        api.queues = List.of(new QueueRef(5, "Support", 20L));
        api.grants = Map.of(20L, List.of(new GroupGrant("support-engineers", List.of("rw"))));
        QueueReaders r = readers(api);
        r.refresh();
        api.down = true;
        assertThrows(ProcessingException.class, r::refresh);
        r.refreshQuietly(); // logs a warning, throws nothing
        assertEquals(Optional.of(Set.of("support-engineers")), r.readers(5));
        assertEquals(List.of(), r.mayRead(5, List.of(agent("agent2", "triage"))));
    }

    @Test
    void theSeedMapsQueueIdsToCommaSeparatedGroups() {
        Map<Long, QueueAccess> seed = QueueReaders.seed(
                Map.of("5", "support-engineers", " 7 ", "triage, users ,", "8", ""),
                Map.of("7", "users", "9", "support-engineers"));
        assertEquals(Map.of(
                5L, new QueueAccess(Set.of("support-engineers"), Set.of()),
                7L, new QueueAccess(Set.of("triage", "users"), Set.of("users")),
                8L, new QueueAccess(Set.of(), Set.of()),
                9L, new QueueAccess(Set.of("support-engineers"), Set.of("support-engineers"))), seed,
                "writers read too; a queue seeded only as readable has no writer group");
    }

    @Test
    void writersAreTheKeycloakGroupsWithRwOnly() {
        StandIn api = new StandIn();
        api.queues = List.of(new QueueRef(2, "Support", 20L), new QueueRef(3, "Gone", 30L));
        api.grants = Map.of(20L, List.of(new GroupGrant("support-engineers", List.of("rw")),
                new GroupGrant("triage", List.of("ro", "note", "owner")), new GroupGrant("users", List.of("create"))));
        QueueReaders r = readers(api);
        r.refresh();
        assertEquals(Optional.of(Set.of("support-engineers", "triage")), r.readers(2));
        assertEquals(Optional.of(Set.of("support-engineers")), r.writers(2));
        assertEquals(Optional.of(Set.of()), r.writers(3));
        assertEquals(Optional.empty(), r.writers(4));
    }

    // --- SPEC I1, the queue part of escalations: rw followers, else every known rw agent ---------

    private static final AgentAccess RW = agent("agent1", "users", "support-engineers");
    private static final AgentAccess RO = agent("agent2", "triage");
    private static final AgentAccess NONE = agent("agent3", "users");
    private static final AgentAccess ADMIN = new AgentAccess("admin", true, Set.of());
    private static final Set<String> WRITERS = Set.of("support-engineers");

    /** Known agents that must not be asked for: the rw followers are enough. */
    private static List<AgentAccess> notAsked() {
        throw new AssertionError("the fallback was asked for although an rw agent follows the queue");
    }

    @Test
    void escalationGoesToTheFollowersWithRwNotToReadOnlyFollowers() {
        assertEquals(List.of("agent1"),
                QueueReaders.escalationRecipients(9, WRITERS, List.of(RO, RW, NONE), QueueReadersTest::notAsked));
        assertEquals(List.of("agent1", "admin"),
                QueueReaders.escalationRecipients(9, WRITERS, List.of(RW, ADMIN), QueueReadersTest::notAsked),
                "an admin follower writes every queue");
    }

    @Test
    void withoutAnRwFollowerEveryKnownRwAgentAndTheAdminsAreNotified() {
        List<AgentAccess> known = List.of(ADMIN, RW, RO, NONE);
        assertEquals(List.of("admin", "agent1"), QueueReaders.escalationRecipients(9, WRITERS, List.of(), () -> known),
                "nobody follows the queue");
        assertEquals(List.of("admin", "agent1"),
                QueueReaders.escalationRecipients(9, WRITERS, List.of(RO, NONE), () -> known),
                "only followers without rw: the same as nobody");
        assertEquals(List.of("admin"), QueueReaders.escalationRecipients(9, Set.of(), List.of(RO), () -> known),
                "a queue no group writes: only admins");
        assertEquals(List.of(), QueueReaders.escalationRecipients(9, WRITERS, List.of(), List::of),
                "no known agent with rw: nobody (the agents the service does not know cannot be reached)");
    }

    @Test
    void escalationFollowersWhoseGroupsAreNotKnownAndUnknownQueuesAreNotFiltered() {
        AgentAccess newcomer = new AgentAccess("newcomer", false, null);
        assertEquals(List.of("newcomer"),
                QueueReaders.escalationRecipients(9, WRITERS, List.of(RO, newcomer), QueueReadersTest::notAsked));
        assertEquals(List.of("agent2", "agent3"),
                QueueReaders.escalationRecipients(9, null, List.of(RO, NONE), QueueReadersTest::notAsked),
                "a queue the model does not know: followers unfiltered, as for reading");
        assertEquals(List.of("admin"),
                QueueReaders.escalationRecipients(9, null, List.of(), () -> List.of(RW, ADMIN, RO)),
                "a queue the model does not know and nobody follows: only the admins are known to write it");
    }

    @Test
    void escalationRecipientsUseTheModelsWriters() {
        StandIn api = new StandIn();
        api.queues = List.of(new QueueRef(2, "Support", 20L));
        api.grants = Map.of(20L, List.of(new GroupGrant("support-engineers", List.of("rw")),
                new GroupGrant("triage", List.of("ro"))));
        QueueReaders r = readers(api);
        r.refresh();
        assertEquals(List.of("agent1", "agent2"), r.mayRead(2, List.of(RW, RO)), "both may read");
        assertEquals(List.of("agent1"), r.escalationRecipients(2, List.of(RW, RO), QueueReadersTest::notAsked));
        assertEquals(List.of("agent1"), r.escalationRecipients(2, List.of(RO), () -> List.of(RW, RO, NONE)));
    }
}
