package org.relaydesk.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Topics;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.Platform;
import org.relaydesk.testsupport.TopicRecorder;

/**
 * One user request across services, the way a user makes it: an agent creates a phone ticket
 * through the gateway; ticket-service commits it and its outbox publishes TicketCreated to
 * Kafka; search-service consumes it and the agent finds the ticket through the gateway.
 */
class TicketToSearchFlowTest {

    @BeforeAll
    static void platformUp() {
        Platform.ensureUp();
    }

    @Test
    void phoneTicketCreatedThroughTheGatewayIsPublishedAndFoundBySearch() {
        String token = KeycloakTokens.user("agent1");
        String title = "Mail server rejects attachments " + System.nanoTime();
        try (TopicRecorder events = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            Response created = given().baseUri(Platform.GATEWAY.baseUrl()).auth().oauth2(token)
                    .header("X-Request-Id", "e2e-flow-1")
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "title", title,
                            "queueId", 2,
                            "channel", "phone",
                            "customerUserId", "customer1",
                            "article", Map.of(
                                    "kind", "phone",
                                    "subject", title,
                                    "body", "Customer called: attachments over 5 MB bounce.")))
                    .when().post("/api/tickets")
                    .then().statusCode(201).header("X-Request-Id", "e2e-flow-1")
                    .extract().response();
            long id = created.jsonPath().getLong("id");
            String number = created.jsonPath().getString("number");

            EventEnvelope event = events.awaitType(Long.toString(id), EventTypes.TICKET_CREATED);
            assertEquals(number, event.payload().get("number").asText());
            assertEquals("ticket-service", event.source());
            assertEquals("e2e-flow-1", event.requestId(), "the gateway's request id travels into the event");

            // component tests share the broker, so another ticket may carry the same number in
            // their own database: match on the id too
            String thisTicket = "findAll { it.ticketId == " + id + " && it.number == '" + number + "' }";
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().baseUri(Platform.GATEWAY.baseUrl()).auth().oauth2(token).queryParam("q", number)
                            .when().get("/api/search/tickets")
                            .then().statusCode(200).body(thisTicket, hasSize(1)));
            given().baseUri(Platform.GATEWAY.baseUrl()).auth().oauth2(token).queryParam("q", title)
                    .when().get("/api/search/tickets")
                    .then().statusCode(200).body(thisTicket, hasSize(1));
        }
    }

    @Test
    void aWordOnlyInAnAttachmentFindsTheTicketOnceSearchServiceHasReadTheFileFromTicketService() {
        String token = KeycloakTokens.user("agent1");
        String word = "okapi" + System.nanoTime();
        String file = "Router log of the night shift.\nThe " + word + " firmware crashed at 03:12.\n";
        long id = given().baseUri(Platform.GATEWAY.baseUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("title", "Router reboots at night", "queueId", 2, "channel", "phone",
                        "customerUserId", "customer1",
                        "article", Map.of("kind", "phone", "subject", "Router reboots at night",
                                "body", "Log file attached.",
                                "attachments", java.util.List.of(Map.of("filename", "router.log", "contentType", "text/plain",
                                        "contentBase64", java.util.Base64.getEncoder().encodeToString(
                                                file.getBytes(java.nio.charset.StandardCharsets.UTF_8)))))))
                .when().post("/api/tickets").then().statusCode(201).extract().jsonPath().getLong("id");
        // search-service fetches the bytes from ticket-service with its service account and extracts the text
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().baseUri(Platform.GATEWAY.baseUrl()).auth().oauth2(token).queryParam("q", word)
                        .when().get("/api/search/tickets")
                        .then().statusCode(200).body("findAll { it.ticketId == " + id + " }", hasSize(1)));
    }
}
