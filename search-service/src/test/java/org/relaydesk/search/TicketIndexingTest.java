package org.relaydesk.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.ticket.TicketCreated;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.TopicPublisher;

/** ticket.events on the real broker end up in the real Elasticsearch index, once. */
@QuarkusTest
class TicketIndexingTest {

    @org.junit.jupiter.api.BeforeEach
    void consumerRuns() {
        SearchTestSupport.awaitConsumer();
    }

    @Test
    void createdTicketIsFoundByNumberPrefixAndTitle() {
        long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        String number = "2026112310" + id;
        try (TopicPublisher kafka = TopicPublisher.open()) {
            EventEnvelope event = kafka.publish(Topics.TICKET_EVENTS, "ticket", Long.toString(id), EventTypes.TICKET_CREATED,
                    new TicketCreated(id, number, "Printer on fire in building " + id, 4, "Support", "new", "new", 3,
                            "phone", "customer1", "ACME", null, false, Instant.now()));
            // a redelivered event must be harmless
            kafka.publish(Topics.TICKET_EVENTS, event);
        }
        String token = KeycloakTokens.user("agent1");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token).queryParam("q", number.substring(0, 14))
                        .when().get("/api/search/tickets")
                        .then().statusCode(200)
                        .body("findAll { it.number == '" + number + "' }", hasSize(1)));
        given().auth().oauth2(token).queryParam("q", "building " + id)
                .when().get("/api/search/tickets")
                .then().statusCode(200).body("[0].number", equalTo(number));
    }

    @Test
    void searchNeedsAnAgentToken() {
        given().queryParam("q", "x").when().get("/api/search/tickets").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.user("customer1")).queryParam("q", "x")
                .when().get("/api/search/tickets").then().statusCode(403);
    }
}
