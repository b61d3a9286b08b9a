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
import org.relaydesk.notification.repository.PreferenceRepository.Follower;

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

    private static Follower agent(String name, String... groups) {
        return new Follower(name, false, Set.of(groups));
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
        List<Follower> followers = List.of(agent("agent1", "users", "support-engineers"), agent("agent2", "triage"),
                agent("agent3"), new Follower("admin", true, Set.of()), new Follower("newcomer", false, null));
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
        Map<Long, Set<String>> seed = QueueReaders.seed(Map.of("5", "support-engineers", " 7 ", "triage, users ,", "8", ""));
        assertEquals(Map.of(5L, Set.of("support-engineers"), 7L, Set.of("triage", "users"), 8L, Set.of()), seed);
    }
}
