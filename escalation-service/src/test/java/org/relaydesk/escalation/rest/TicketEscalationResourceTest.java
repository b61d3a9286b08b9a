package org.relaydesk.escalation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.relaydesk.testsupport.KeycloakTokens;

/**
 * Who may read a ticket's clocks, with real Keycloak tokens. ticket-service does not run in module
 * tests (the test profile points the client at a closed port), so an agent's read check cannot be
 * made: the answer is a 503 problem, never a 500 and never the clocks. What ticket-service's 403
 * and 404 become is {@code TicketServiceClientTest}'s part; the whole path is the e2e matrix's.
 */
@QuarkusTest
class TicketEscalationResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static String path() {
        return "/api/escalation/tickets/" + (8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    @Test
    void agentGetsServiceUnavailableWhenTicketServiceCannotBeReached() {
        String path = path();
        given().auth().oauth2(KeycloakTokens.user("agent1")).get(path)
                .then().statusCode(503).contentType(PROBLEM).header("Retry-After", "5")
                .body("type", equalTo("/problems/ticket-service-unavailable"))
                .body("status", equalTo(503))
                .body("instance", equalTo(path));
    }

    @Test
    void adminSkipsTheCheckAndGetsNotFoundForATicketNeverSeen() {
        String path = path();
        given().auth().oauth2(KeycloakTokens.user("admin")).get(path)
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("/problems/not-found"))
                .body("status", equalTo(404));
    }

    @Test
    void customersAndAnonymousCallersAreRefusedBeforeAnyCheck() {
        given().auth().oauth2(KeycloakTokens.user("customer1")).get(path()).then().statusCode(403);
        given().get(path()).then().statusCode(401);
    }
}
