package org.relaydesk.gateway;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Base64;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.relaydesk.testsupport.KeycloakTokens;

/**
 * Only valid tokens of the relaydesk audience pass the gateway. In the test profile /api/tickets
 * routes to a closed port, so a request that passed authentication gets 503 and one that did not
 * gets 401: each case is checked against that contrast.
 */
@QuarkusTest
class TokenValidationTest {

    @Test
    void validTokenPassesAuthentication() {
        given().auth().oauth2(KeycloakTokens.user("agent3")).when().get("/api/tickets").then().statusCode(503);
        given().auth().oauth2(KeycloakTokens.apiClient()).when().get("/api/tickets").then().statusCode(503);
    }

    @Test
    void forgedTokenIsRejected() {
        String token = KeycloakTokens.user("agent3");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forgedPayload = payload.replace("\"agent\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forgedPayload.getBytes())
                + "." + parts[2];
        given().auth().oauth2(forged).when().get("/api/tickets").then().statusCode(401);
        // a signature from nowhere
        given().auth().oauth2(parts[0] + "." + parts[1] + ".AAAA").when().get("/api/tickets").then().statusCode(401);
    }

    @Test
    void tokenOfAnotherAudienceIsRejected() {
        String foreign = KeycloakTokens.client("relaydesk-foreign", "relaydesk-foreign-secret");
        given().auth().oauth2(foreign).when().get("/api/tickets").then().statusCode(401);
    }

    @Test
    void expiredTokenIsRejected() {
        String shortLived = KeycloakTokens.client("relaydesk-short-lived", "relaydesk-short-lived-secret");
        given().auth().oauth2(shortLived).when().get("/api/tickets").then().statusCode(503);
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(shortLived).when().get("/api/tickets").then().statusCode(401));
    }
}
