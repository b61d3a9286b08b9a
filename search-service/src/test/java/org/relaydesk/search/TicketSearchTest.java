package org.relaydesk.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.ticket.PriorityChanged;
import org.relaydesk.contracts.ticket.TicketMerged;
import org.relaydesk.contracts.ticket.TicketMoved;
import org.relaydesk.contracts.ticket.TicketStateChanged;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.TopicPublisher;

/** Search through the REST API over the real Kafka and Elasticsearch: text, phrases, fields, updates, permissions. */
@QuarkusTest
class TicketSearchTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @org.junit.jupiter.api.BeforeEach
    void consumerRuns() {
        SearchTestSupport.awaitConsumer();
    }

    static void awaitFound(String user, Map<String, ?> body, String number) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.user(user)).contentType(ContentType.JSON).body(body)
                        .when().post("/api/search/tickets")
                        .then().statusCode(200).body("hits.ticket.number", hasItem(number)));
    }

    static List<String> numbers(String user, String path, Map<String, ?> body) {
        return given().auth().oauth2(KeycloakTokens.user(user)).contentType(ContentType.JSON).body(body)
                .when().post(path).then().statusCode(200).extract().jsonPath().getList("hits.ticket.number");
    }

    @Test
    void findsByNumberWordPhraseAndFieldAndFollowsUpdates() {
        Instant now = Instant.now();
        TicketEvents t;
        try (TopicPublisher kafka = TopicPublisher.open()) {
            t = new TicketEvents(kafka).created("VPN drops every hour", 5, "Support", "customer1", now);
            t.article("customer", true, "customer1@example.com", "VPN drops",
                    "The quick brown fox cannot reach the intranet-" + t.id + " since Monday.", now);
            t.article("agent", false, "agent1@relaydesk.local", "Internal",
                    "Suspect the firewall ruleset zebra" + t.id + ".", now);
        }
        String word = "intranet-" + t.id;
        awaitFound("agent1", Map.of("q", t.number.substring(0, 12)), t.number);
        // a word of the body, with highlight and counts
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(KeycloakTokens.user("agent1"))
                .contentType(ContentType.JSON).body(Map.of("q", word)).when().post("/api/search/tickets")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("hits[0].ticket.number", equalTo(t.number))
                .body("hits[0].highlight.body[0]", containsString("<em>"))
                .body("aggregations.queue.Support", equalTo(1))
                .body("aggregations.state.new", equalTo(1)));
        // quoted phrase: matches in order only
        awaitFound("agent1", Map.of("q", "\"quick brown fox\" " + word), t.number);
        org.junit.jupiter.api.Assertions.assertTrue(
                numbers("agent1", "/api/search/tickets", Map.of("q", "\"brown quick fox\" " + word)).isEmpty());
        // fields, as GET parameters
        given().auth().oauth2(KeycloakTokens.user("agent1"))
                .queryParam("queue", "Support").queryParam("stateType", "new").queryParam("number", t.number)
                .queryParam("createdFrom", now.minusSeconds(60).toString())
                .when().get("/api/search/tickets/page")
                .then().statusCode(200).body("hits.ticket.number", equalTo(List.of(t.number)));
        // the old call shape stays an array
        given().auth().oauth2(KeycloakTokens.user("agent1")).queryParam("q", word)
                .when().get("/api/search/tickets")
                .then().statusCode(200).body("[0].number", equalTo(t.number));

        // agent2 (triage) does not read the Support queue
        org.junit.jupiter.api.Assertions.assertTrue(
                numbers("agent2", "/api/search/tickets", Map.of("q", word)).isEmpty());
        try (TopicPublisher kafka = TopicPublisher.open()) {
            TicketEvents same = t;
            kafka.publish(org.relaydesk.contracts.Topics.TICKET_EVENTS, "ticket", Long.toString(same.id),
                    EventTypes.TICKET_MOVED, new TicketMoved(same.id, 5, "Support", 6, "Triage", "agent1"));
            kafka.publish(org.relaydesk.contracts.Topics.TICKET_EVENTS, "ticket", Long.toString(same.id),
                    EventTypes.PRIORITY_CHANGED, new PriorityChanged(same.id, 3, 5, "agent1"));
            kafka.publish(org.relaydesk.contracts.Topics.TICKET_EVENTS, "ticket", Long.toString(same.id),
                    EventTypes.TICKET_STATE_CHANGED, new TicketStateChanged(same.id, "new", "new", "closed successful",
                            "closed", null, Instant.now(), "agent1"));
        }
        // after the move agent2 finds it, with the new priority and state
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.user("agent2")).contentType(ContentType.JSON)
                        .body(Map.of("q", word, "priority", List.of(5), "stateType", List.of("closed")))
                        .when().post("/api/search/tickets")
                        .then().statusCode(200).body("hits.ticket.number", equalTo(List.of(t.number)))
                        .body("hits[0].ticket.queue", equalTo("Triage"))
                        .body("hits[0].ticket.closedAt", notNullValue()));
    }

    @Test
    void customersFindOnlyTheirOwnTicketsAndNoInternalArticles() {
        Instant now = Instant.now();
        TicketEvents mine;
        TicketEvents theirs;
        try (TopicPublisher kafka = TopicPublisher.open()) {
            mine = new TicketEvents(kafka).created("Invoice question", 4, "Misc", "customer1", now);
            mine.article("customer", true, "customer1@example.com", "Invoice", "Invoice walrus" + mine.id + " is wrong.", now);
            mine.article("agent", false, "agent1", "note", "Internal: customer is a known walrus" + mine.id + " complainer, secretword" + mine.id, now);
            theirs = new TicketEvents(kafka).created("Other invoice", 4, "Misc", "customer2", now);
            theirs.article("customer", true, "customer2@example.com", "Invoice", "Invoice walrus" + mine.id + " too.", now);
        }
        awaitFound("agent1", Map.of("q", "walrus" + mine.id), theirs.number);
        awaitFound("agent1", Map.of("q", "secretword" + mine.id), mine.number);
        String portal = "/api/search/portal/tickets";
        org.junit.jupiter.api.Assertions.assertEquals(List.of(mine.number),
                numbers("customer1", portal, Map.of("q", "walrus" + mine.id)));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(theirs.number),
                numbers("customer2", portal, Map.of("q", "walrus" + mine.id)));
        // the internal note's words are not searchable for the customer
        org.junit.jupiter.api.Assertions.assertTrue(numbers("customer1", portal, Map.of("q", "secretword" + mine.id)).isEmpty());
        // and the hit carries no article text
        given().auth().oauth2(KeycloakTokens.user("customer1")).contentType(ContentType.JSON)
                .body(Map.of("q", "walrus" + mine.id)).when().post(portal)
                .then().statusCode(200).body("hits[0].ticket", not(org.hamcrest.Matchers.hasKey("body")))
                .body("hits[0].highlight.body[0]", not(containsString("secretword")));
        // customers cannot use the agent search
        given().auth().oauth2(KeycloakTokens.user("customer1")).contentType(ContentType.JSON).body(Map.of("q", "x"))
                .when().post("/api/search/tickets").then().statusCode(403);
    }

    @Test
    void mergeMovesArticlesToTheTarget() {
        Instant now = Instant.now();
        TicketEvents target;
        TicketEvents source;
        long moved;
        try (TopicPublisher kafka = TopicPublisher.open()) {
            target = new TicketEvents(kafka).created("Printer jam", 4, "Misc", "customer1", now);
            target.article("customer", true, "customer1@example.com", "Printer", "Paper jam in tray two.", now);
            source = new TicketEvents(kafka).created("Printer jam again", 4, "Misc", "customer1", now);
            moved = source.article("customer", true, "customer1@example.com", "Printer", "Still jammed okapi" + source.id, now);
        }
        awaitFound("agent1", Map.of("q", "okapi" + source.id), source.number);
        try (TopicPublisher kafka = TopicPublisher.open()) {
            source.publish(kafka, EventTypes.TICKET_MERGED, new TicketMerged(source.id, target.id, target.number, List.of(moved), "agent1"));
            source.publish(kafka, EventTypes.TICKET_STATE_CHANGED, new TicketStateChanged(source.id, "new", "new", "merged",
                    "merged", null, null, "agent1"));
        }
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                org.junit.jupiter.api.Assertions.assertEquals(List.of(target.number),
                        numbers("agent1", "/api/search/tickets", Map.of("q", "okapi" + source.id))));
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.user("agent1")).contentType(ContentType.JSON)
                        .body(Map.of("number", source.number)).when().post("/api/search/tickets")
                        .then().statusCode(200).body("hits", hasSize(1))
                        .body("hits[0].ticket.stateType", equalTo("merged"))
                        .body("hits[0].ticket.mergedInto", equalTo(target.number)));
    }

    @Test
    void ownerLockResponsibleAndEscalationAreFilterable() {
        TicketEvents t;
        try (TopicPublisher kafka = TopicPublisher.open()) {
            t = new TicketEvents(kafka).created("Escalating ticket", 4, "Misc", "customer1", Instant.now());
            t.publish(EventTypes.OWNER_CHANGED, new org.relaydesk.contracts.ticket.OwnerChanged(t.id, null, "agent3", "agent1"));
            t.publish(EventTypes.TICKET_LOCKED, new org.relaydesk.contracts.ticket.TicketLocked(t.id, "agent3", "agent3"));
            t.publish(EventTypes.RESPONSIBLE_CHANGED, new org.relaydesk.contracts.ticket.ResponsibleChanged(t.id, null, "agent1", "agent1"));
            kafka.publish(org.relaydesk.contracts.Topics.ESCALATION_EVENTS, "ticket", Long.toString(t.id),
                    EventTypes.TICKET_ESCALATED, Map.of("ticketId", t.id, "kind", "first-response"));
        }
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.user("agent1"))
                        .queryParam("owner", "agent3").queryParam("lock", "lock").queryParam("responsible", "agent1")
                        .queryParam("escalated", "true").queryParam("number", t.number)
                        .when().get("/api/search/tickets/page")
                        .then().statusCode(200).body("hits.ticket.number", equalTo(List.of(t.number))));
        try (TopicPublisher kafka = TopicPublisher.open()) {
            t.publish(kafka, EventTypes.TICKET_UNLOCKED, new org.relaydesk.contracts.ticket.TicketUnlocked(t.id, "agent3", "manual", "agent3"));
        }
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.user("agent1"))
                        .queryParam("lock", "unlock").queryParam("number", t.number)
                        .when().get("/api/search/tickets")
                        .then().statusCode(200).body("number", equalTo(List.of(t.number))));
        // sort and search_after pages: one ticket per page, no repeats
        String first = given().auth().oauth2(KeycloakTokens.user("admin")).queryParam("size", 1).queryParam("sort", "-created")
                .queryParam("queue", "Misc").when().get("/api/search/tickets").then().statusCode(200)
                .extract().header("X-Next-Cursor");
        org.junit.jupiter.api.Assertions.assertNotNull(first);
        String page1 = given().auth().oauth2(KeycloakTokens.user("admin")).queryParam("size", 1).queryParam("sort", "-created")
                .queryParam("queue", "Misc").when().get("/api/search/tickets").then().extract().path("[0].number");
        String page2 = given().auth().oauth2(KeycloakTokens.user("admin")).queryParam("size", 1).queryParam("sort", "-created")
                .queryParam("queue", "Misc").queryParam("cursor", first).when().get("/api/search/tickets")
                .then().statusCode(200).extract().path("[0].number");
        org.junit.jupiter.api.Assertions.assertNotEquals(page1, page2);
    }
}
