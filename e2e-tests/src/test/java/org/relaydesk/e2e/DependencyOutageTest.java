package org.relaydesk.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.ticket.TicketCreated;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.Platform;
import org.relaydesk.testsupport.TopicPublisher;
import org.relaydesk.testsupport.TopicRecorder;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.relaydesk.contracts.EventEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Stopping a real component turns the readiness of the services that need it DOWN with a reason,
 * and they recover when it returns; an event that arrives meanwhile is not lost.
 */
class DependencyOutageTest {

    @BeforeAll
    static void platformUp() {
        Platform.ensureUp();
    }

    @AfterEach
    void stackBackUp() {
        Platform.run(Duration.ofMinutes(4), "stack", "up");
        // every service recovers by itself once its dependencies are back
        for (Platform.Service service : Platform.ALL) {
            Awaitility.await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                    given().baseUri(service.baseUrl()).when().get("/q/health/ready").then().statusCode(200));
        }
    }

    @Test
    void elasticsearchOutageTurnsSearchNotReadyAndNoEventIsLost() {
        Platform.run(Duration.ofMinutes(1), "stack", "down", "elasticsearch");

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(Platform.SEARCH.baseUrl()).when().get("/q/health/ready")
                        .then().statusCode(503)
                        .body("status", equalTo("DOWN"))
                        .body("checks.findAll { it.status == 'DOWN' }.name", hasItem("Elasticsearch cluster health check")));
        // services that do not use Elasticsearch stay ready
        given().baseUri(Platform.TICKET.baseUrl()).when().get("/q/health/ready").then().statusCode(200);

        long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        String number = "2026112399" + id;
        try (TopicPublisher kafka = TopicPublisher.open()) {
            kafka.publish(Topics.TICKET_EVENTS, "ticket", Long.toString(id), EventTypes.TICKET_CREATED,
                    new TicketCreated(id, number, "Created while the index was down", 1, "Raw", "new", "new", 3,
                            "api", null, null, null, false, Instant.now()));
        }

        Platform.run(Duration.ofMinutes(3), "stack", "up", "elasticsearch");

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(Platform.SEARCH.baseUrl()).when().get("/q/health/ready")
                        .then().statusCode(200).body("status", equalTo("UP")));
        String token = KeycloakTokens.user("agent1");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(Platform.SEARCH.baseUrl()).auth().oauth2(token).queryParam("q", number)
                        .when().get("/api/search/tickets")
                        .then().statusCode(200).body("number", hasItem(number)));
    }

    @Test
    void eventsWrittenWhileKafkaIsDownAreDeliveredInOrderAfterItReturns() {
        String token = KeycloakTokens.user("agent1");
        try (TopicRecorder events = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            Platform.run(Duration.ofMinutes(1), "stack", "down", "kafka");
            // the Kafka check waits for its admin-client timeout before it reports DOWN
            Awaitility.await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                    given().baseUri(Platform.TICKET.baseUrl()).when().get("/q/health/ready")
                            .then().statusCode(503)
                            .body("checks.findAll { it.status == 'DOWN' }.name", hasItem("Kafka connection health check")));

            // ticket-service keeps taking work: the events wait in its outbox
            long id = given().baseUri(Platform.TICKET.baseUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("title", "Created while Kafka was down", "queueId", 2, "channel", "phone",
                            "article", Map.of("kind", "phone", "body", "first")))
                    .when().post("/api/tickets").then().statusCode(201).extract().jsonPath().getLong("id");
            given().baseUri(Platform.TICKET.baseUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("kind", "note", "body", "second"))
                    .when().post("/api/tickets/" + id + "/articles").then().statusCode(201);

            Platform.run(Duration.ofMinutes(2), "stack", "up", "kafka");

            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> events.eventsOf(Long.toString(id)).size() >= 3);
            // a batch resent after a failure may repeat events: consumers keep the first copy of each id
            java.util.Set<java.util.UUID> seen = new java.util.HashSet<>();
            List<String> types = events.eventsOf(Long.toString(id)).stream().filter(e -> seen.add(e.id()))
                    .map(EventEnvelope::type).toList();
            assertEquals(List.of(EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED, EventTypes.ARTICLE_ADDED), types,
                    "every event written during the outage is delivered once, in commit order");
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(Platform.TICKET.baseUrl()).when().get("/q/health/ready").then().statusCode(200));
    }
}
