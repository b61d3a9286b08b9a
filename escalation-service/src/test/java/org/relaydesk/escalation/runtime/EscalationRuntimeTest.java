package org.relaydesk.escalation.runtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.ticket.ArticleAdded;
import org.relaydesk.contracts.ticket.TicketCreated;
import org.relaydesk.contracts.ticket.TicketMoved;
import org.relaydesk.contracts.ticket.TicketStateChanged;
import org.relaydesk.escalation.messaging.PartitionOwnership;
import org.relaydesk.escalation.repository.TicketEscalationEntity;
import org.relaydesk.escalation.service.TimelineCodec;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.TopicPublisher;
import org.relaydesk.testsupport.TopicRecorder;

/**
 * The runtime end to end through the real broker and database: ticket events published to
 * {@code ticket.events} as ticket-service would, clocks read through the REST API, and what
 * escalation-service publishes on {@code escalation.events}. Budgets of whole minutes in a 24x7
 * calendar; the timing test waits about a minute (1-minute budget, 50 % warning).
 */
@QuarkusTest
class EscalationRuntimeTest {

    static final String CALENDAR = "rt-24x7";

    @Inject
    PartitionOwnership ownership;
    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @BeforeEach
    void setUp() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"24x7 UTC\", \"timeZone\": \"UTC\", \"week\": {"
                        + "\"MONDAY\": [{\"start\": \"00:00\", \"end\": \"24:00\"}],"
                        + "\"TUESDAY\": [{\"start\": \"00:00\", \"end\": \"24:00\"}],"
                        + "\"WEDNESDAY\": [{\"start\": \"00:00\", \"end\": \"24:00\"}],"
                        + "\"THURSDAY\": [{\"start\": \"00:00\", \"end\": \"24:00\"}],"
                        + "\"FRIDAY\": [{\"start\": \"00:00\", \"end\": \"24:00\"}],"
                        + "\"SATURDAY\": [{\"start\": \"00:00\", \"end\": \"24:00\"}],"
                        + "\"SUNDAY\": [{\"start\": \"00:00\", \"end\": \"24:00\"}]}}")
                .put("/api/calendars/" + CALENDAR)
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
        // the consumer starts at the end of the topic: publish only once it owns its partitions
        await().atMost(Duration.ofSeconds(60)).until(() -> ownership.owned().length == 6);
    }

    @Test
    void dueTimesFirstResponseMetAndIdempotency() {
        long queue = queueWith(Map.of("firstResponseMinutes", 60, "firstResponseNotifyPercent", 50,
                "updateMinutes", 30, "solutionMinutes", 240));
        long ticket = newId();
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (TopicPublisher pub = TopicPublisher.open()) {
            created(pub, ticket, queue, created, "new", "new", false);
            article(pub, ticket, "customer", "email", true, created);
            JsonPath v = awaitView(ticket, j -> "RUNNING".equals(clock(j, "FIRST_RESPONSE", "state")));
            assertThat(instant(v, "FIRST_RESPONSE", "dueAt")).isEqualTo(created.plus(60, ChronoUnit.MINUTES));
            assertThat(instant(v, "FIRST_RESPONSE", "warnAt")).isEqualTo(created.plus(30, ChronoUnit.MINUTES));
            assertThat(instant(v, "SOLUTION", "dueAt")).isEqualTo(created.plus(240, ChronoUnit.MINUTES));
            assertThat(clock(v, "UPDATE", "state")).isEqualTo("NOT_CONFIGURED"); // armed after the first response (D3)
            assertThat(Instant.parse(v.getString("escalationAt"))).isEqualTo(created.plus(60, ChronoUnit.MINUTES));
            assertThat(v.getList("timers.kind", String.class))
                    .contains("FIRST_RESPONSE_WARNING", "FIRST_RESPONSE_DUE", "SOLUTION_DUE");

            // an internal agent note is no response (C2)
            article(pub, ticket, "agent", "note", false, Instant.now());
            EventEnvelope reply = article(pub, ticket, "agent", "email", true, Instant.now().truncatedTo(ChronoUnit.MILLIS));
            v = awaitView(ticket, j -> "MET".equals(clock(j, "FIRST_RESPONSE", "state")));
            assertThat(instant(v, "FIRST_RESPONSE", "metAt")).isEqualTo(reply.payloadAs(ArticleAdded.class).createdAt());
            assertThat(clock(v, "UPDATE", "state")).isEqualTo("MET"); // the customer's message was answered
            assertThat(v.getList("timers.kind", String.class)).containsExactly("SOLUTION_DUE");

            // the same event again changes nothing
            int before = timelineSize(ticket);
            pub.publish(Topics.TICKET_EVENTS, reply);
            EventEnvelope marker = pub.publish(Topics.TICKET_EVENTS, "ticket", Long.toString(ticket),
                    EventTypes.TICKET_MOVED, new TicketMoved(ticket, queue, "q", queue, "q", "agent1"));
            await().atMost(Duration.ofSeconds(20)).until(() -> processed(marker));
            assertThat(timelineSize(ticket)).isEqualTo(before + 1); // only the marker (a move to the same queue)
            assertThat(clock(view(ticket), "FIRST_RESPONSE", "metAt")).isEqualTo(clock(v, "FIRST_RESPONSE", "metAt"));
        }
    }

    @Test
    void aBurstOfInterleavedAndRedeliveredEventsIsAppliedInBatchesWithTheResultOfOneEventAtATime() {
        long queue = queueWith(Map.of("firstResponseMinutes", 60, "solutionMinutes", 240));
        io.micrometer.core.instrument.DistributionSummary batches = registry.get("relaydesk.escalation.ticket.events.batch.events")
                .summary();
        long batchesBefore = batches.count();
        double eventsBefore = batches.totalAmount();
        Instant created = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        long first = newId();
        int n = 30;
        int published = 0;
        Map<Long, Instant> replies = new java.util.HashMap<>();
        Map<Long, EventEnvelope> lastOf = new java.util.HashMap<>(); // per ticket, so every partition is waited for
        try (TopicPublisher pub = TopicPublisher.open()) {
            // round-robin over the tickets, so each poll holds events of many tickets
            for (int i = 0; i < n; i++) {
                created(pub, first + i, queue, created, "new", "new", false);
                published++;
            }
            for (int i = 0; i < n; i++) {
                lastOf.put(first + i, article(pub, first + i, "customer", "email", true, created));
                published++;
            }
            for (int i = 0; i < n; i += 2) {
                Instant at = created.plusSeconds(60 + i);
                EventEnvelope reply = article(pub, first + i, "agent", "email", true, at);
                replies.put(first + i, at);
                lastOf.put(first + i, reply);
                pub.publish(Topics.TICKET_EVENTS, reply); // redelivered: must count once
                published += 2;
            }
            for (int i = 0; i < n; i += 3) {
                lastOf.put(first + i, pub.publish(Topics.TICKET_EVENTS, "ticket", Long.toString(first + i),
                        EventTypes.TICKET_DELETED, new org.relaydesk.contracts.ticket.TicketDeleted(first + i, "n", "junk-retention")));
                published++;
            }
            lastOf.put(first + 1, pub.publish(Topics.TICKET_EVENTS, "ticket", Long.toString(first + 1), EventTypes.TICKET_MOVED,
                    new TicketMoved(first + 1, queue, "q", queue, "q", "agent1")));
            published++;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lastOf.values().stream().allMatch(EscalationRuntimeTest::processed));
        for (int i = 0; i < n; i++) {
            long id = first + i;
            if (i % 3 == 0) {
                given().auth().oauth2(admin()).get("/api/escalation/tickets/" + id).then().statusCode(404);
                continue;
            }
            JsonPath v = view(id);
            if (i % 2 == 0) {
                assertThat(clock(v, "FIRST_RESPONSE", "state")).as("ticket %d", i).isEqualTo("MET");
                assertThat(instant(v, "FIRST_RESPONSE", "metAt")).isEqualTo(replies.get(id));
                assertThat(timelineSize(id)).as("the redelivered reply is applied once").isEqualTo(2);
                assertThat(v.getList("timers.kind", String.class)).containsExactly("SOLUTION_DUE");
            } else {
                assertThat(clock(v, "FIRST_RESPONSE", "state")).as("ticket %d", i).isEqualTo("RUNNING");
                assertThat(instant(v, "FIRST_RESPONSE", "dueAt")).isEqualTo(created.plus(60, ChronoUnit.MINUTES));
                assertThat(v.getList("timers.kind", String.class)).contains("FIRST_RESPONSE_DUE", "SOLUTION_DUE");
            }
        }
        // the redelivered copies are read but not applied; fewer transactions than events
        assertThat(batches.totalAmount() - eventsBefore).isGreaterThanOrEqualTo(published);
        assertThat(batches.count() - batchesBefore).isLessThan(published);
    }

    @Test
    void settingsChangeRecomputesEveryOpenTicketOfTheQueueAcrossBatchesAndSlices() {
        // the test profile recomputes 3 tickets per transaction in 2 slices: 11 tickets take several batches each
        long queue = queueWith(Map.of("firstResponseMinutes", 600, "solutionMinutes", 900));
        long first = newId();
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Long> tickets = new java.util.ArrayList<>();
        try (TopicPublisher pub = TopicPublisher.open()) {
            for (long id = first; id < first + 11; id++) { // consecutive ids: both parities, so both slices
                created(pub, id, queue, created, "new", "new", false);
                tickets.add(id);
            }
            for (long id : tickets) {
                awaitView(id, j -> "RUNNING".equals(clock(j, "FIRST_RESPONSE", "state")));
            }
            putQueue(queue, Map.of("firstResponseMinutes", 30, "solutionMinutes", 900));
            for (long id : tickets) {
                JsonPath v = awaitView(id, j -> Integer.valueOf(30).equals(j.get("clocks.find { it.kind == 'FIRST_RESPONSE' }.budgetMinutes")));
                assertThat(instant(v, "FIRST_RESPONSE", "dueAt")).isEqualTo(created.plus(30, ChronoUnit.MINUTES));
                // the stored due time and the ticket's timers were rewritten too, not only the view
                assertThat(storedEscalationAt(id)).isEqualTo(created.plus(30, ChronoUnit.MINUTES));
                assertThat(timerAt(id, "FIRST_RESPONSE_DUE")).isEqualTo(created.plus(30, ChronoUnit.MINUTES));
            }
        }
    }

    @Test
    void moveRecomputesFromTheOriginalAnchorAndPendingPauses() {
        long q1 = queueWith(Map.of("firstResponseMinutes", 60, "solutionMinutes", 240));
        long q2 = queueWith(Map.of("firstResponseMinutes", 120, "solutionMinutes", 480));
        long ticket = newId();
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (TopicPublisher pub = TopicPublisher.open()) {
            created(pub, ticket, q1, created, "new", "new", false);
            awaitView(ticket, j -> "RUNNING".equals(clock(j, "FIRST_RESPONSE", "state")));
            pub.publish(Topics.TICKET_EVENTS, "ticket", Long.toString(ticket), EventTypes.TICKET_MOVED,
                    new TicketMoved(ticket, q1, "one", q2, "two", "agent1"));
            JsonPath v = awaitView(ticket, j -> Integer.valueOf(120).equals(j.get("clocks.find { it.kind == 'FIRST_RESPONSE' }.budgetMinutes")));
            assertThat(instant(v, "FIRST_RESPONSE", "dueAt")).isEqualTo(created.plus(120, ChronoUnit.MINUTES)); // G2

            // a settings change recomputes the queue's open tickets
            putQueue(q2, Map.of("firstResponseMinutes", 90, "solutionMinutes", 480));
            v = awaitView(ticket, j -> Integer.valueOf(90).equals(j.get("clocks.find { it.kind == 'FIRST_RESPONSE' }.budgetMinutes")));
            assertThat(instant(v, "FIRST_RESPONSE", "dueAt")).isEqualTo(created.plus(90, ChronoUnit.MINUTES));

            Instant pendingUntil = Instant.now().plus(1, ChronoUnit.DAYS);
            pub.publish(Topics.TICKET_EVENTS, "ticket", Long.toString(ticket), EventTypes.TICKET_STATE_CHANGED,
                    new TicketStateChanged(ticket, "new", "new", "pending reminder", "pending reminder", pendingUntil, null, "agent1"));
            v = awaitView(ticket, j -> j.getBoolean("paused"));
            assertThat(clock(v, "FIRST_RESPONSE", "state")).isEqualTo("PAUSED");
            assertThat(clock(v, "FIRST_RESPONSE", "dueAt")).isNull();
            assertThat(v.getString("escalationAt")).isNull();
            assertThat(v.getList("timers.kind", String.class)).containsExactly("PENDING_REMINDER");

            Instant reopened = Instant.now();
            pub.publish(Topics.TICKET_EVENTS, "ticket", Long.toString(ticket), EventTypes.TICKET_STATE_CHANGED,
                    new TicketStateChanged(ticket, "pending reminder", "pending reminder", "open", "open", null, null, "agent1"));
            v = awaitView(ticket, j -> "RUNNING".equals(clock(j, "FIRST_RESPONSE", "state")));
            // the paused interval does not count: the due time moved later by it
            assertThat(instant(v, "FIRST_RESPONSE", "dueAt")).isAfter(created.plus(90, ChronoUnit.MINUTES))
                    .isBefore(reopened.plus(90, ChronoUnit.MINUTES).plusSeconds(5));
        }
    }

    @Test
    void warningEscalationUnlockAndStopArriveOnTime() {
        long queue = queueWith(Map.of("firstResponseMinutes", 1, "firstResponseNotifyPercent", 50));
        long unlockQueue = queueWith(Map.of("unlockTimeoutMinutes", 1));
        long escalating = newId();
        long lockedOnly = newId();
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (TopicRecorder rec = TopicRecorder.open(Topics.ESCALATION_EVENTS); TopicPublisher pub = TopicPublisher.open()) {
            created(pub, escalating, queue, created, "open", "open", true);
            created(pub, lockedOnly, unlockQueue, created, "open", "open", true);

            EventEnvelope warning = rec.await(e -> e.aggregateId().equals(Long.toString(escalating))
                    && e.type().equals(EventTypes.ESCALATION_WARNING), Duration.ofSeconds(50));
            assertThat(warning.occurredAt()).isAfterOrEqualTo(created.plusSeconds(30));
            assertThat(warning.payload().get("clock").asText()).isEqualTo("FIRST_RESPONSE");
            assertThat(Instant.parse(warning.payload().get("dueAt").asText())).isEqualTo(created.plusSeconds(60));

            EventEnvelope escalated = rec.await(e -> e.aggregateId().equals(Long.toString(escalating))
                    && e.type().equals(EventTypes.TICKET_ESCALATED), Duration.ofSeconds(50));
            assertThat(escalated.occurredAt()).isAfterOrEqualTo(created.plusSeconds(60))
                    .isBefore(created.plusSeconds(65));
            assertThat(escalated.payload().get("kind").asText()).isEqualTo("FIRST_RESPONSE");
            System.out.printf("timer lateness: warning %d ms, escalation %d ms after the instant%n",
                    Duration.between(created.plusSeconds(30), warning.occurredAt()).toMillis(),
                    Duration.between(created.plusSeconds(60), escalated.occurredAt()).toMillis());
            assertThat(escalated.payload().get("ticketId").asLong()).isEqualTo(escalating);
            EventEnvelope unlockEscalated = rec.await(e -> e.aggregateId().equals(Long.toString(escalating))
                    && e.type().equals(EventTypes.AUTO_UNLOCK_DUE), Duration.ofSeconds(10));
            assertThat(unlockEscalated.payload().get("reason").asText()).isEqualTo("escalated");

            EventEnvelope unlock = rec.await(e -> e.aggregateId().equals(Long.toString(lockedOnly))
                    && e.type().equals(EventTypes.AUTO_UNLOCK_DUE), Duration.ofSeconds(30));
            assertThat(unlock.payload().get("reason").asText()).isEqualTo("timeout");
            assertThat(unlock.payload().get("ticketId").asLong()).isEqualTo(lockedOnly);
            assertThat(unlock.occurredAt()).isAfterOrEqualTo(created.plusSeconds(60));

            JsonPath v = view(escalating);
            assertThat(clock(v, "FIRST_RESPONSE", "state")).isEqualTo("BREACHED");
            assertThat(instant(v, "FIRST_RESPONSE", "breachedAt")).isEqualTo(created.plusSeconds(60));

            // a late first response ends the escalation
            article(pub, escalating, "agent", "phone", true, Instant.now());
            EventEnvelope stopped = rec.await(e -> e.aggregateId().equals(Long.toString(escalating))
                    && e.type().equals(EventTypes.ESCALATION_STOPPED), Duration.ofSeconds(20));
            assertThat(stopped.payload().get("reason").asText()).isEqualTo("MET");
            assertThat(stopped.payload().get("stillEscalated").size()).isZero();
            v = view(escalating);
            assertThat(clock(v, "FIRST_RESPONSE", "state")).isEqualTo("MET");
            assertThat(instant(v, "FIRST_RESPONSE", "breachedAt")).isEqualTo(created.plusSeconds(60)); // G4

            // each edge exactly once
            assertThat(rec.eventsOf(Long.toString(escalating)).stream().map(EventEnvelope::type).toList())
                    .containsExactly(EventTypes.ESCALATION_WARNING, EventTypes.TICKET_ESCALATED,
                            EventTypes.AUTO_UNLOCK_DUE, EventTypes.ESCALATION_STOPPED);
        }
    }

    @Test
    void overdueAtCreationEscalatesAtOnceAndSwitchingTheClockOffStopsIt() {
        long queue = queueWith(Map.of("firstResponseMinutes", 1, "solutionMinutes", 600));
        long ticket = newId();
        Instant created = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        try (TopicRecorder rec = TopicRecorder.open(Topics.ESCALATION_EVENTS); TopicPublisher pub = TopicPublisher.open()) {
            created(pub, ticket, queue, created, "new", "new", false);
            EventEnvelope escalated = rec.awaitType(Long.toString(ticket), EventTypes.TICKET_ESCALATED); // T26
            assertThat(Instant.parse(escalated.payload().get("dueAt").asText())).isEqualTo(created.plusSeconds(60));
            assertThat(escalated.payload().get("locked").asBoolean()).isFalse();

            putQueue(queue, Map.of("firstResponseMinutes", 0, "solutionMinutes", 600)); // G3
            EventEnvelope stopped = rec.awaitType(Long.toString(ticket), EventTypes.ESCALATION_STOPPED);
            assertThat(stopped.payload().get("kind").asText()).isEqualTo("FIRST_RESPONSE");
            assertThat(stopped.payload().get("reason").asText()).isEqualTo("NOT_CONFIGURED");
            JsonPath v = view(ticket);
            assertThat(clock(v, "FIRST_RESPONSE", "state")).isEqualTo("NOT_CONFIGURED");
            assertThat(Instant.parse(v.getString("escalationAt"))).isEqualTo(created.plus(600, ChronoUnit.MINUTES));
            // no warning for an overdue clock, no unlock for an unlocked ticket
            assertThat(rec.eventsOf(Long.toString(ticket)).stream().map(EventEnvelope::type).toList())
                    .containsExactly(EventTypes.TICKET_ESCALATED, EventTypes.ESCALATION_STOPPED);
        }
    }

    @Test
    void escalationEventsCarryTheNextBusinessInstantOfTheTicketsCalendar() {
        // a calendar open one hour a week, on tomorrow's weekday 09:00-10:00 UTC: closed now (SPEC I2/I3)
        java.time.LocalDate tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"one hour a week\", \"timeZone\": \"UTC\", \"week\": {\""
                        + tomorrow.getDayOfWeek() + "\": [{\"start\": \"09:00\", \"end\": \"10:00\"}]}}")
                .put("/api/calendars/rt-weekly-hour")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
        long queue = newId();
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("calendarId", "rt-weekly-hour", "firstResponseMinutes", 1))
                .put("/api/escalation/settings/queues/" + queue)
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
        long ticket = newId();
        // created 8 days ago: last week's hour has passed, so the first response is overdue at creation
        Instant created = Instant.now().minus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        try (TopicRecorder rec = TopicRecorder.open(Topics.ESCALATION_EVENTS); TopicPublisher pub = TopicPublisher.open()) {
            created(pub, ticket, queue, created, "new", "new", false);
            EventEnvelope escalated = rec.awaitType(Long.toString(ticket), EventTypes.TICKET_ESCALATED);
            assertThat(Instant.parse(escalated.payload().get("deliverFrom").asText()))
                    .isEqualTo(tomorrow.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC));
            assertThat(escalated.payload().get("businessDay").asText()).isEqualTo(tomorrow.toString());
        }
    }

    @Test
    void pendingAutoCloseAndReminderAtThePendingTime() {
        long queue = queueWith(Map.of("solutionMinutes", 600));
        long autoClose = newId();
        long reminder = newId();
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (TopicRecorder rec = TopicRecorder.open(Topics.ESCALATION_EVENTS); TopicPublisher pub = TopicPublisher.open()) {
            created(pub, autoClose, queue, created, "new", "new", false);
            created(pub, reminder, queue, created, "new", "new", false);
            Instant pendingUntil = Instant.now().plusSeconds(3);
            pub.publish(Topics.TICKET_EVENTS, "ticket", Long.toString(autoClose), EventTypes.TICKET_STATE_CHANGED,
                    new TicketStateChanged(autoClose, "new", "new", "pending auto close+", "pending auto close+",
                            pendingUntil, null, "agent1"));
            pub.publish(Topics.TICKET_EVENTS, "ticket", Long.toString(reminder), EventTypes.TICKET_STATE_CHANGED,
                    new TicketStateChanged(reminder, "new", "new", "pending reminder", "pending reminder",
                            pendingUntil, null, "agent1"));

            EventEnvelope close = rec.awaitType(Long.toString(autoClose), EventTypes.PENDING_AUTO_CLOSE_DUE);
            assertThat(close.occurredAt()).isAfterOrEqualTo(pendingUntil);
            assertThat(close.payload().get("ticketId").asLong()).isEqualTo(autoClose);
            assertThat(close.payload().get("state").asText()).isEqualTo("pending auto close+");
            EventEnvelope remind = rec.awaitType(Long.toString(reminder), EventTypes.PENDING_REMINDER_REACHED);
            assertThat(remind.occurredAt()).isAfterOrEqualTo(pendingUntil); // 24x7: business time at once
            assertThat(remind.payload().get("repeat").asInt()).isZero();
            // the next reminder waits for the next business day (J3)
            JsonPath v = view(reminder);
            assertThat(v.getList("timers.kind", String.class)).containsExactly("PENDING_REMINDER");
            assertThat(Instant.parse(v.getString("timers[0].fireAt"))).isAfter(Instant.now().plus(1, ChronoUnit.MINUTES));
            assertThat(view(autoClose).getList("timers.kind", String.class)).isEmpty();
        }
    }

    @Test
    void settingsApiIsAdminOnlyAndValidates() {
        String path = "/api/escalation/settings/queues/" + newId();
        given().auth().oauth2(KeycloakTokens.user("agent1")).get(path).then().statusCode(403);
        given().auth().oauth2(admin()).get(path).then().statusCode(404);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("calendarId", "no-such-calendar"))
                .put(path).then().statusCode(400);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("firstResponseNotifyPercent", 120))
                .put(path).then().statusCode(400);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("firstResponseMinutes", 30, "suspendStateTypes", List.of("pending reminder"), "updateMode", "AGENT_CADENCE"))
                .put(path).then().statusCode(201);
        given().auth().oauth2(admin()).get(path).then().statusCode(200)
                .body("firstResponseMinutes", org.hamcrest.Matchers.is(30))
                .body("updateMode", org.hamcrest.Matchers.is("AGENT_CADENCE"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("unlockTimeoutMinutes", 5))
                .put("/api/escalation/settings/slas/" + newId()).then().statusCode(400);
        given().auth().oauth2(admin()).get("/api/escalation/tickets/" + newId()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    // ------------------------------------------------------------------------------ helpers

    static String admin() {
        return KeycloakTokens.user("admin");
    }

    static long newId() {
        return 7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    static long queueWith(Map<String, Object> settings) {
        long queue = newId();
        putQueue(queue, settings);
        return queue;
    }

    static void putQueue(long queue, Map<String, Object> settings) {
        Map<String, Object> body = new java.util.HashMap<>(settings);
        body.put("calendarId", CALENDAR);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .put("/api/escalation/settings/queues/" + queue)
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
    }

    static void created(TopicPublisher pub, long ticket, long queue, Instant at, String state, String type, boolean locked) {
        pub.publish(Topics.TICKET_EVENTS, "ticket", Long.toString(ticket), EventTypes.TICKET_CREATED,
                new TicketCreated(ticket, "2026112310" + ticket, "test " + ticket, queue, "q" + queue, state, type, 3,
                        "email", "cust", "org", locked ? "agent1" : null, locked, at));
    }

    static EventEnvelope article(TopicPublisher pub, long ticket, String sender, String channel, boolean visible, Instant at) {
        return pub.publish(Topics.TICKET_EVENTS, "ticket", Long.toString(ticket), EventTypes.ARTICLE_ADDED,
                new ArticleAdded(ticket, "n", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), channel, sender,
                        channel, visible, "a@example.com", "b@example.com", null, null, "s", "body", null, null, null,
                        null, false, null, List.of(), sender, at));
    }

    static JsonPath view(long ticket) {
        // as admin: an agent's read is checked with ticket-service, which does not run in module tests
        return given().auth().oauth2(admin()).get("/api/escalation/tickets/" + ticket)
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitView(long ticket, java.util.function.Predicate<JsonPath> until) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var r = given().auth().oauth2(admin()).get("/api/escalation/tickets/" + ticket);
            return r.statusCode() == 200 ? r.jsonPath() : null;
        }, j -> j != null && until.test(j));
    }

    static String clock(JsonPath v, String kind, String field) {
        Object value = v.get("clocks.find { it.kind == '" + kind + "' }." + field);
        return value == null ? null : value.toString();
    }

    static Instant instant(JsonPath v, String kind, String field) {
        return Instant.parse(clock(v, kind, field));
    }

    static Instant storedEscalationAt(long ticket) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TicketEscalationEntity t = TicketEscalationEntity.findById(ticket);
            return t.escalationAt;
        });
    }

    static Instant timerAt(long ticket, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> at = TicketEscalationEntity.getEntityManager()
                    .createNativeQuery("select fire_at from timer where ticket_id = :id and kind = :kind")
                    .setParameter("id", ticket).setParameter("kind", kind).getResultList();
            if (at.isEmpty()) {
                return null;
            }
            Object value = at.get(0);
            return value instanceof java.time.OffsetDateTime o ? o.toInstant()
                    : value instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) value;
        });
    }

    static int timelineSize(long ticket) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TicketEscalationEntity t = TicketEscalationEntity.findById(ticket);
            return TimelineCodec.decode(t.timeline).changes().size();
        });
    }

    static boolean processed(EventEnvelope event) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) TicketEscalationEntity.getEntityManager()
                .createNativeQuery("select count(*) from processed_event where event_id = :id")
                .setParameter("id", event.id()).getSingleResult()).intValue() == 1);
    }
}
