package org.relaydesk.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.Json;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.TopicPublisher;

/** A reindex rebuilds the indices from ticket-service's API and swaps the aliases; events keep flowing. */
@QuarkusTest
@QuarkusTestResource(FakeTicketService.class)
class ReindexTest {

    @BeforeEach
    void consumerRuns() {
        SearchTestSupport.awaitConsumer();
    }

    static ObjectNode ticket(long id, String number, String title, long queueId, String queue, String body, boolean internal) {
        Instant created = Instant.parse("2021-03-01T09:00:00Z");
        ObjectNode t = Json.MAPPER.valueToTree(Map.ofEntries(
                Map.entry("id", id), Map.entry("number", number), Map.entry("title", title), Map.entry("queueId", queueId),
                Map.entry("queue", queue), Map.entry("state", "open"), Map.entry("stateType", "open"),
                Map.entry("priority", 3), Map.entry("locked", false), Map.entry("owner", "agent1"),
                Map.entry("customerUserId", "customer1"), Map.entry("customerId", "ACME"), Map.entry("escalated", true),
                Map.entry("createdAt", created.toString()), Map.entry("changedAt", created.toString()),
                Map.entry("version", 3), Map.entry("dynamicFields", Map.of("IssueType", "Network"))));
        t.set("articles", Json.MAPPER.valueToTree(List.of(Map.ofEntries(
                Map.entry("id", id * 10), Map.entry("ticketId", id), Map.entry("kind", internal ? "note" : "phone"),
                Map.entry("senderType", "customer"), Map.entry("channel", "phone"), Map.entry("visibleForCustomer", !internal),
                Map.entry("from", "customer1@example.com"), Map.entry("subject", title), Map.entry("bodyText", body),
                Map.entry("attachments", List.of(Map.of("id", 1, "filename", "trace-" + id + ".log", "contentType", "text/plain", "size", 3))),
                Map.entry("createdAt", created.toString()), Map.entry("createdBy", "customer1")))));
        return t;
    }

    @Test
    void reindexRebuildsFromTicketServiceAndSwapsTheAlias() {
        given().auth().oauth2(KeycloakTokens.user("agent1")).when().post("/api/search/reindex").then().statusCode(403);
        TicketEvents indexed;
        try (TopicPublisher kafka = TopicPublisher.open()) {
            indexed = new TicketEvents(kafka).created("Old title", 4, "Misc", "customer1", Instant.now());
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.user("agent1")).queryParam("number", indexed.number)
                        .when().get("/api/search/tickets").then().statusCode(200).body("number", hasItem(indexed.number)));
        // ticket-service knows more than the index: a changed title and tickets the index never saw
        long base = indexed.id;
        FakeTicketService.TICKETS.clear();
        FakeTicketService.TICKETS.put(base, ticket(base, indexed.number, "Renamed capybara" + base, 4, "Misc",
                "Body of the renamed ticket", false));
        for (int i = 1; i <= 4; i++) {
            FakeTicketService.TICKETS.put(base + i, ticket(base + i, "2021030110" + (base + i), "Lost ticket " + i,
                    i % 2 == 0 ? 5 : 4, i % 2 == 0 ? "Support" : "Misc", "Only in ticket-service tapir" + base, i == 4));
        }
        // where a merged ticket went and where a split one came from survive the rebuild
        FakeTicketService.TICKETS.get(base + 1).put("mergedIntoTicketId", base).put("mergedIntoNumber", indexed.number);
        FakeTicketService.TICKETS.get(base + 3).put("splitFromTicketId", base);
        String admin = KeycloakTokens.user("admin");
        given().auth().oauth2(admin).when().post("/api/search/reindex").then().statusCode(202);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(admin).when().get("/api/search/reindex").then().statusCode(200)
                        .body("state", equalTo("done")).body("ticketsCopied", equalTo(5)).body("articlesCopied", equalTo(5)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("q", "tapir" + base))
                        .when().post("/api/search/tickets").then().statusCode(200).body("total", equalTo(4)));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("q", "capybara" + base))
                .when().post("/api/search/tickets").then().statusCode(200)
                .body("hits[0].ticket.number", equalTo(indexed.number))
                .body("hits[0].ticket.escalated", equalTo(true))
                .body("hits[0].ticket.dynamicFields.IssueType", equalTo("Network"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("q", "tapir" + base, "number", "2021030110" + (base + 1)))
                .when().post("/api/search/tickets").then().statusCode(200)
                .body("hits[0].ticket.mergedInto", equalTo(indexed.number));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("q", "tapir" + base, "number", "2021030110" + (base + 3)))
                .when().post("/api/search/tickets").then().statusCode(200)
                .body("hits[0].ticket.splitFrom", org.hamcrest.Matchers.hasToString(Long.toString(base)));
        // permissions hold on the rebuilt index: agent3 (users) reads Misc but not Support
        given().auth().oauth2(KeycloakTokens.user("agent3")).contentType(ContentType.JSON).body(Map.of("q", "tapir" + base))
                .when().post("/api/search/tickets").then().statusCode(200).body("total", equalTo(2));
        // the customer does not find the internal article's text of ticket 4
        given().auth().oauth2(KeycloakTokens.user("customer1")).contentType(ContentType.JSON).body(Map.of("q", "tapir" + base))
                .when().post("/api/search/portal/tickets").then().statusCode(200).body("total", equalTo(3));
        // events after the swap land in the new index
        TicketEvents after;
        try (TopicPublisher kafka = TopicPublisher.open()) {
            after = new TicketEvents(kafka).created("After the swap", 4, "Misc", "customer1", Instant.now());
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.user("agent1")).queryParam("number", after.number)
                        .when().get("/api/search/tickets").then().statusCode(200).body("number", hasItem(after.number)));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("relaydesk_search_index_lag_seconds"));
    }

    @Test
    void queuePermissionsComeFromTicketServicesAdminApi() {
        TicketEvents vendor;
        try (TopicPublisher kafka = TopicPublisher.open()) {
            vendor = new TicketEvents(kafka).created("Vendor invoice", 7, "Vendors", "customer1", Instant.now());
        }
        // queue 7 is in no configured seed: only the model read from ticket-service knows that triage reads it
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.user("agent2")).queryParam("number", vendor.number)
                        .when().get("/api/search/tickets").then().statusCode(200).body("number", hasItem(vendor.number)));
        given().auth().oauth2(KeycloakTokens.user("agent1")).queryParam("number", vendor.number)
                .when().get("/api/search/tickets").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(KeycloakTokens.user("admin")).queryParam("number", vendor.number)
                .when().get("/api/search/tickets").then().statusCode(200).body("number", hasItem(vendor.number));
    }
}
