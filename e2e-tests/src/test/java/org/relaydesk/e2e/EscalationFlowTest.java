package org.relaydesk.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Topics;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.Platform;
import org.relaydesk.testsupport.TopicRecorder;

/**
 * Escalations through the real platform, the way users cause them: tickets created and changed
 * through ticket-service's API behind the gateway, ticket-service's outbox publishing
 * {@code ticket.events}, escalation-service computing clocks and firing timers into
 * {@code escalation.events}, and ticket-service acting on them (escalated flag, auto close,
 * auto unlock).
 *
 * <p>Each run gets queues, a group and a 24x7 UTC calendar of its own, so its settings never touch
 * other tests' queues. Queue "main": first response 1 min, update off, solution 2 min, warnings at
 * 50 %, unlock timeout 1 min. Queue "moved": first response 10 min, solution off, unlock timeout
 * 1 min. All tickets with slow timers are created in {@link #setUp()}, so the one-minute waits run
 * side by side; the quick checks are ordered first, while the one-minute clocks still run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EscalationFlowTest {

    /** How late a timer may fire, or its event arrive, after the instant it is due. */
    private static final Duration LATENESS = Duration.ofSeconds(5);
    /** How far two clocks (ticket-service's commit, escalation-service's anchor) may differ. */
    private static final Duration SKEW = Duration.ofSeconds(1);
    /**
     * For instants escalation-service computed: it counts in epoch milliseconds, while ticket-service's
     * instants carry micro- or nanoseconds (PostgreSQL keeps microseconds, rounded).
     */
    private static final Duration EXACT = Duration.ofMillis(1);

    private static TopicRecorder escalationEvents;
    private static String calendarId;
    private static int mainQueue;
    private static int movedQueue;

    /** Left alone: warning at 30 s, escalation at 60 s. */
    private static Ticket untouched;
    /** Gets an agent's customer-visible reply. */
    private static Ticket replied;
    /** Set to pending auto close+ a few seconds ahead. */
    private static Ticket autoClosed;
    private static Instant autoCloseAt;
    /** Set to pending reminder and back to open. */
    private static Ticket paused;
    /** Moved into the other queue. */
    private static Ticket moved;
    /** Locked by agent1 in the "moved" queue (no clock due within the test), unlocked by the timeout. */
    private static Ticket locked;

    record Ticket(long id, String number, Instant createdAt) {
    }

    private static RequestSpecification as(String user) {
        return given().baseUri(Platform.GATEWAY.baseUrl()).auth().oauth2(KeycloakTokens.user(user))
                .contentType(ContentType.JSON);
    }

    @BeforeAll
    static void setUp() {
        Platform.ensureUp();
        escalationEvents = TopicRecorder.open(Topics.ESCALATION_EVENTS);
        String run = Long.toString(System.nanoTime());

        // ticket-service: a group agent1 (Keycloak group support-engineers) may work in, two queues of it
        int groupId = as("admin").body(Map.of("name", "escalation-" + run)).post("/api/admin/groups")
                .then().statusCode(201).extract().jsonPath().getInt("id");
        as("admin").body(Map.of("grants", List.of(Map.of("keycloakGroup", "support-engineers", "permissions", List.of("rw")))))
                .put("/api/admin/groups/" + groupId + "/permissions").then().statusCode(200);
        mainQueue = createQueue("Escalation " + run, groupId);
        movedQueue = createQueue("Escalation moved " + run, groupId);

        // escalation-service: a 24x7 calendar and the two queues' settings
        calendarId = "e2e-24x7-" + run;
        Map<String, Object> week = new LinkedHashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.put(day, List.of(Map.of("start", "00:00", "end", "24:00")));
        }
        as("admin").body(Map.of("name", "24x7 UTC " + run, "timeZone", "UTC", "week", week, "holidays", List.of()))
                .put("/api/calendars/" + calendarId).then().statusCode(201);
        putSettings(mainQueue, Map.of("calendarId", calendarId, "firstResponseMinutes", 1, "updateMinutes", 0,
                "solutionMinutes", 2, "firstResponseNotifyPercent", 50, "solutionNotifyPercent", 50,
                "unlockTimeoutMinutes", 1));
        putSettings(movedQueue, Map.of("calendarId", calendarId, "firstResponseMinutes", 10, "updateMinutes", 0,
                "solutionMinutes", 0, "firstResponseNotifyPercent", 50, "unlockTimeoutMinutes", 1));

        // the tickets whose timers take long, first
        untouched = createTicket(mainQueue, "Printer on fire " + run);
        locked = createTicket(movedQueue, "Locked and forgotten " + run);
        as("agent1").post("/api/tickets/" + locked.id() + "/lock").then().statusCode(200);
        autoClosed = createTicket(mainQueue, "Will close itself " + run);
        autoCloseAt = Instant.now().plusSeconds(6);
        as("agent1").body(Map.of("state", "pending auto close+", "pendingUntil", autoCloseAt.toString()))
                .put("/api/tickets/" + autoClosed.id() + "/state").then().statusCode(200);
        replied = createTicket(mainQueue, "Needs an answer " + run);
        paused = createTicket(mainQueue, "Waiting for the customer " + run);
        moved = createTicket(mainQueue, "Wrong queue " + run);
    }

    @AfterAll
    static void tearDown() {
        if (escalationEvents != null) {
            escalationEvents.close();
        }
    }

    private static int createQueue(String name, int groupId) {
        return as("admin").body(Map.of("name", name, "groupId", groupId, "systemAddressId", 1, "salutationId", 1,
                        "signatureId", 1))
                .post("/api/admin/queues").then().statusCode(201).extract().jsonPath().getInt("id");
    }

    private static void putSettings(int queueId, Map<String, Object> settings) {
        as("admin").body(settings).put("/api/escalation/settings/queues/" + queueId).then().statusCode(201);
    }

    /** A phone ticket from customer1, as agent1 takes the call. */
    private static Ticket createTicket(int queueId, String title) {
        JsonPath t = as("agent1").body(Map.of(
                        "title", title,
                        "queueId", queueId,
                        "channel", "phone",
                        "customerUserId", "customer1",
                        "article", Map.of("kind", "phone", "senderType", "customer", "subject", title,
                                "body", "Customer called about: " + title)))
                .post("/api/tickets").then().statusCode(201).extract().jsonPath();
        return new Ticket(t.getLong("id"), t.getString("number"), Instant.parse(t.getString("createdAt")));
    }

    /** The ticket's clocks as agent1 reads them through the gateway, once escalation-service has seen the ticket. */
    private static JsonPath clocks(long ticketId) {
        return as("agent1").get("/api/escalation/tickets/" + ticketId).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitClocks(long ticketId, Predicate<JsonPath> until) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> clocks(ticketId), until);
    }

    private static Map<String, Object> clock(JsonPath view, String kind) {
        return view.getMap("clocks.find { it.kind == '" + kind + "' }");
    }

    private static Instant instant(Map<String, Object> map, String field) {
        Object v = map.get(field);
        return v == null ? null : Instant.parse(v.toString());
    }

    private static JsonPath ticket(long id) {
        return as("agent1").queryParam("articles", false).get("/api/tickets/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<Map<String, Object>> history(long id) {
        return as("agent1").get("/api/tickets/" + id + "/history").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    /** Waits for an escalation event of the ticket until {@code due} + a margin, and checks how late it was. */
    private static EventEnvelope awaitEvent(Ticket t, String type, Predicate<EventEnvelope> match, Instant due) {
        Instant waitStarted = Instant.now();
        Duration timeout = Duration.between(waitStarted, due).plus(Duration.ofSeconds(15));
        EventEnvelope event = escalationEvents.await(e -> e.aggregateId().equals(Long.toString(t.id()))
                && e.type().equals(type) && match.test(e), timeout.isNegative() ? Duration.ofSeconds(15) : timeout);
        Instant arrived = Instant.now();
        assertEquals("escalation-service", event.source());
        assertFalse(event.occurredAt().isBefore(due), type + " published at " + event.occurredAt() + ", before its due instant " + due);
        assertTrue(Duration.between(due, event.occurredAt()).compareTo(LATENESS) < 0,
                type + " published " + Duration.between(due, event.occurredAt()) + " after its due instant " + due);
        if (waitStarted.isBefore(due)) { // only then does the arrival time say when it arrived
            assertTrue(Duration.between(due, arrived).compareTo(LATENESS) < 0,
                    type + " arrived " + Duration.between(due, arrived) + " after its due instant " + due);
        }
        System.out.printf("%s of ticket %d: due %s, published %d ms late%n", type, t.id(), due,
                Duration.between(due, event.occurredAt()).toMillis());
        return event;
    }

    private static void assertClose(Instant expected, Instant actual, Duration tolerance, String what) {
        assertNotNull(actual, what + " is missing");
        assertTrue(Duration.between(expected, actual).abs().compareTo(tolerance) <= 0,
                what + ": expected " + expected + " (± " + tolerance + "), was " + actual);
    }

    @Test
    @Order(1)
    void aTicketInAQueueWithSettingsGetsItsDueTimes() {
        JsonPath view = awaitClocks(untouched.id(), v -> v.getString("queueId") != null);
        assertEquals(Integer.toString(mainQueue), view.getString("queueId"));
        assertEquals(calendarId, view.getString("calendarId"));
        assertFalse(view.getBoolean("paused"));

        Map<String, Object> first = clock(view, "FIRST_RESPONSE");
        assertEquals("RUNNING", first.get("state"));
        assertEquals(1, first.get("budgetMinutes"));
        Instant anchor = instant(first, "anchor");
        assertClose(untouched.createdAt(), anchor, SKEW, "the first-response clock counts from the ticket's creation");
        assertClose(anchor.plusSeconds(60), instant(first, "dueAt"), EXACT, "1 business minute of a 24x7 calendar");
        assertClose(anchor.plusSeconds(30), instant(first, "warnAt"), EXACT, "50 % of the budget");

        Map<String, Object> solution = clock(view, "SOLUTION");
        assertEquals("RUNNING", solution.get("state"));
        assertClose(anchor.plusSeconds(120), instant(solution, "dueAt"), EXACT, "2 business minutes for the solution");
        assertEquals("NOT_CONFIGURED", clock(view, "UPDATE").get("state"));
        assertClose(anchor.plusSeconds(60), Instant.parse(view.getString("escalationAt")), EXACT, "escalationAt is the earliest running due time");
    }

    @Test
    @Order(2)
    void anAgentsCustomerVisibleReplyMeetsTheFirstResponse() {
        JsonPath before = awaitClocks(replied.id(), v -> "RUNNING".equals(clock(v, "FIRST_RESPONSE").get("state")));
        Instant due = instant(clock(before, "FIRST_RESPONSE"), "dueAt");

        JsonPath article = as("agent1").body(Map.of("kind", "phone", "visibleForCustomer", true,
                        "subject", "Call back", "body", "Called the customer back: the toner was the culprit."))
                .post("/api/tickets/" + replied.id() + "/articles").then().statusCode(201).extract().jsonPath();
        Instant written = Instant.parse(article.getString("createdAt"));
        assertTrue(written.isBefore(due), "the reply is in time");

        JsonPath after = awaitClocks(replied.id(), v -> "MET".equals(clock(v, "FIRST_RESPONSE").get("state")));
        Map<String, Object> first = clock(after, "FIRST_RESPONSE");
        assertClose(written, instant(first, "metAt"), SKEW, "met by the reply");
        assertNull(first.get("dueAt"));
        assertNull(first.get("breachedAt"));
        assertEquals("RUNNING", clock(after, "SOLUTION").get("state"), "a reply does not solve the ticket");
    }

    @Test
    @Order(3)
    void aPendingReminderStatePausesTheClocksAndReopeningMovesTheDueTime() {
        JsonPath running = awaitClocks(paused.id(), v -> "RUNNING".equals(clock(v, "FIRST_RESPONSE").get("state")));
        Instant originalDue = instant(clock(running, "FIRST_RESPONSE"), "dueAt");

        as("agent1").body(Map.of("state", "pending reminder", "pendingUntil", Instant.now().plusSeconds(3600).toString()))
                .put("/api/tickets/" + paused.id() + "/state").then().statusCode(200);
        JsonPath pausedView = awaitClocks(paused.id(), v -> v.getBoolean("paused"));
        Map<String, Object> first = clock(pausedView, "FIRST_RESPONSE");
        assertEquals("PAUSED", first.get("state"));
        assertNull(first.get("dueAt"), "no due time while suspended (SPEC F3)");
        assertNull(pausedView.get("escalationAt"));
        long remaining = ((Number) first.get("remainingBusinessSeconds")).longValue();
        assertTrue(remaining > 0 && remaining <= 60, "remaining business seconds: " + remaining);

        as("agent1").body(Map.of("state", "open")).put("/api/tickets/" + paused.id() + "/state").then().statusCode(200);
        JsonPath resumed = awaitClocks(paused.id(), v -> "RUNNING".equals(clock(v, "FIRST_RESPONSE").get("state")));
        // the pause, as ticket-service recorded it: from the change into pending to the change out of it
        List<Map<String, Object>> changes = history(paused.id()).stream()
                .filter(h -> "StateUpdate".equals(h.get("type"))).toList();
        Instant pausedAt = changes.stream().filter(h -> "pending reminder".equals(h.get("newValue")))
                .map(h -> Instant.parse(h.get("createdAt").toString())).findFirst().orElseThrow();
        Instant resumedAt = changes.stream().filter(h -> "open".equals(h.get("newValue")))
                .map(h -> Instant.parse(h.get("createdAt").toString())).findFirst().orElseThrow();
        Duration pause = Duration.between(pausedAt, resumedAt);
        assertClose(originalDue.plus(pause), instant(clock(resumed, "FIRST_RESPONSE"), "dueAt"), SKEW,
                "the due time moves by the " + pause + " spent pending (SPEC F4)");
    }

    @Test
    @Order(4)
    void aMoveToAnotherQueueRecomputesFromTheOriginalAnchor() {
        JsonPath before = awaitClocks(moved.id(), v -> "RUNNING".equals(clock(v, "FIRST_RESPONSE").get("state")));
        Instant anchor = instant(clock(before, "FIRST_RESPONSE"), "anchor");
        assertClose(anchor.plusSeconds(60), instant(clock(before, "FIRST_RESPONSE"), "dueAt"), EXACT, "1 minute in the first queue");

        as("agent1").body(Map.of("queueId", movedQueue)).post("/api/tickets/" + moved.id() + "/move").then().statusCode(200);
        JsonPath after = awaitClocks(moved.id(), v -> Integer.toString(movedQueue).equals(v.getString("queueId")));
        Map<String, Object> first = clock(after, "FIRST_RESPONSE");
        assertEquals("RUNNING", first.get("state"));
        assertEquals(10, first.get("budgetMinutes"));
        assertClose(anchor, instant(first, "anchor"), EXACT, "a move does not reset the anchor (SPEC G2)");
        assertClose(anchor.plusSeconds(600), instant(first, "dueAt"), EXACT, "the new queue's budget");
        assertEquals("NOT_CONFIGURED", clock(after, "SOLUTION").get("state"), "the new queue has no solution time (G3)");
    }

    @Test
    @Order(5)
    void aPendingAutoCloseTicketIsClosedAtItsPendingTime() {
        EventEnvelope due = awaitEvent(autoClosed, EventTypes.PENDING_AUTO_CLOSE_DUE, e -> true, autoCloseAt);
        assertClose(autoCloseAt, Instant.parse(due.payload().get("pendingUntil").asText()), EXACT, "the pending time the agent set");

        JsonPath closed = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> ticket(autoClosed.id()), t -> t.getString("stateType").startsWith("closed"));
        assertEquals("closed successful", closed.getString("state"));
        assertEquals("closed successful", closed.getString("stateType"));
        assertEquals("system", closed.getString("changedBy"));
        assertNotNull(closed.getString("closedAt"));
        assertTrue(history(autoClosed.id()).stream().anyMatch(h -> "StateUpdate".equals(h.get("type"))
                        && "system".equals(h.get("actor")) && "pending auto close+".equals(h.get("oldValue"))
                        && "closed successful".equals(h.get("newValue"))),
                "the history shows the system closing the ticket");

        JsonPath view = awaitClocks(autoClosed.id(), v -> v.getBoolean("closed"));
        assertEquals("CANCELLED_CLOSED", clock(view, "FIRST_RESPONSE").get("state"));
        assertNull(view.get("escalationAt"));
    }

    @Test
    @Order(6)
    void aTicketLeftAloneIsWarnedAtHalfItsBudgetAndEscalatedAtItsDueTime() {
        Instant anchor = instant(clock(clocks(untouched.id()), "FIRST_RESPONSE"), "anchor");
        Predicate<EventEnvelope> firstResponse = e -> "FIRST_RESPONSE".equals(e.payload().path("clock").asText(null))
                || "FIRST_RESPONSE".equals(e.payload().path("kind").asText(null));

        EventEnvelope warning = awaitEvent(untouched, EventTypes.ESCALATION_WARNING, firstResponse, anchor.plusSeconds(30));
        assertClose(anchor.plusSeconds(30), Instant.parse(warning.payload().get("warnAt").asText()), EXACT, "warned at 50 % of the budget");
        assertClose(anchor.plusSeconds(60), Instant.parse(warning.payload().get("dueAt").asText()), EXACT, "the due time in the warning");
        assertEquals(untouched.number(), warning.payload().get("ticketNumber").asText());
        assertEquals(calendarId, warning.payload().get("calendarId").asText());

        EventEnvelope escalated = awaitEvent(untouched, EventTypes.TICKET_ESCALATED, firstResponse, anchor.plusSeconds(60));
        assertClose(anchor.plusSeconds(60), Instant.parse(escalated.payload().get("dueAt").asText()), EXACT, "the due time that passed");
        assertEquals(Integer.toString(mainQueue), escalated.payload().get("queueId").asText());

        assertEquals(1, escalationEvents.eventsOf(Long.toString(untouched.id())).stream()
                .filter(e -> e.type().equals(EventTypes.ESCALATION_WARNING) && firstResponse.test(e)).count(),
                "one warning per clock and anchor");
        Map<String, Object> first = clock(clocks(untouched.id()), "FIRST_RESPONSE");
        assertEquals("BREACHED", first.get("state"));
        assertClose(anchor.plusSeconds(60), instant(first, "dueAt"), EXACT, "a breached clock keeps its due time");

        // ticket-service consumes TicketEscalated: the ticket carries the flag and the history says so
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> ticket(untouched.id()).getBoolean("escalated"));
        assertTrue(history(untouched.id()).stream().anyMatch(h -> "Escalation".equals(h.get("type"))
                && "system".equals(h.get("actor"))), "the history shows the escalation");
    }

    @Test
    @Order(7)
    void aLockedTicketIsUnlockedAfterTheQueuesUnlockTimeout() {
        Instant lockedAt = history(locked.id()).stream().filter(h -> "Lock".equals(h.get("type")))
                .map(h -> Instant.parse(h.get("createdAt").toString())).findFirst().orElseThrow();
        // escalation-service saw the lock (the owner it records comes with it); by now the timeout may
        // already have unlocked the ticket, so the lock flag itself is not asserted here
        JsonPath view = awaitClocks(locked.id(), v -> "agent1".equals(v.getString("ownerId")));
        assertEquals("agent1", view.getString("ownerId"));

        EventEnvelope unlock = awaitEvent(locked, EventTypes.AUTO_UNLOCK_DUE, e -> true, lockedAt.plusSeconds(60));
        assertEquals("timeout", unlock.payload().get("reason").asText());
        assertEquals(1, unlock.payload().get("timeoutMinutes").asInt());
        Instant timerStart = Instant.parse(unlock.payload().get("timerStart").asText());
        assertClose(lockedAt, timerStart, SKEW, "the unlock timeout counts from the lock");

        JsonPath t = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> ticket(locked.id()), j -> !j.getBoolean("locked"));
        assertEquals("system", t.getString("changedBy"));
        assertTrue(history(locked.id()).stream().anyMatch(h -> "Unlock".equals(h.get("type"))
                        && "system".equals(h.get("actor")) && String.valueOf(h.get("text")).contains("timeout")),
                "the history shows the system unlocking the ticket: " + history(locked.id()));
        awaitClocks(locked.id(), v -> !v.getBoolean("locked"));
    }
}
