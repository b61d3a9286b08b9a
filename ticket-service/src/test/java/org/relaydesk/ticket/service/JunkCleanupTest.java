package org.relaydesk.ticket.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Topics;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.TopicRecorder;

@QuarkusTest
class JunkCleanupTest {

    @Inject
    JunkCleanup cleanup;

    @Test
    void closedJunkTicketsAreDeletedAfterTheRetention() {
        String token = KeycloakTokens.user("agent1");
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            long id = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("title", "Spam", "queueId", 4, "channel", "phone", "article", Map.of("body", "spam")))
                    .post("/api/tickets").then().statusCode(201).extract().jsonPath().getLong("id");
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("queueId", 3))
                    .post("/api/tickets/" + id + "/move").then().statusCode(200);
            cleanup.purge(Instant.now().minus(Duration.ofDays(1)));
            given().auth().oauth2(token).get("/api/tickets/" + id).then().statusCode(200);
            assertTrue(cleanup.purge(Instant.now().plusSeconds(1)) >= 1);
            given().auth().oauth2(token).get("/api/tickets/" + id).then().statusCode(404);
            rec.awaitType(Long.toString(id), EventTypes.TICKET_DELETED);
        }
    }
}
