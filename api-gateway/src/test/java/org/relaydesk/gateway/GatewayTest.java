package org.relaydesk.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaydesk.testsupport.KeycloakTokens;

/**
 * The gateway with real Keycloak tokens: unauthenticated calls are refused, a dead upstream gives
 * 503 and a slow one 504 as problem bodies (never a hang), request ids travel, and a user over
 * the rate gets 429 with Retry-After. (Test profile: ticket routes to a closed port, /api/slow/
 * to a server this test starts that answers after 10 s, 1 s upstream timeout, 5 requests/s/user.)
 */
@QuarkusTest
class GatewayTest {

    private static HttpServer slow;

    @BeforeAll
    static void slowUpstream() throws IOException {
        slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 18999), 0);
        slow.createContext("/", exchange -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        slow.start();
    }

    @AfterAll
    static void stopSlow() {
        slow.stop(0);
    }

    @Test
    void apiNeedsAToken() {
        given().when().get("/api/tickets").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        given().auth().oauth2("not-a-jwt").when().get("/api/tickets").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", notNullValue());
    }

    @Test
    void deadUpstreamGivesProblem503WithRequestId() {
        given().auth().oauth2(KeycloakTokens.user("agent3")).header("X-Request-Id", "req-test-503")
                .when().get("/api/tickets")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(503))
                .body("title", equalTo("Service Unavailable"))
                .body("detail", equalTo("ticket is not reachable"))
                .body("requestId", equalTo("req-test-503"));
    }

    @Test
    void slowUpstreamGivesProblem504() {
        String token = KeycloakTokens.user("agent2");
        long started = System.nanoTime();
        given().auth().oauth2(token)
                .when().get("/api/slow/thing")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("status", equalTo(504))
                .body("requestId", notNullValue());
        assertTrue(System.nanoTime() - started < 9_000_000_000L, "the gateway must give up before the upstream answers");
    }

    @Test
    void userOverTheRateGets429WithRetryAfter() {
        String token = KeycloakTokens.user("agent1");
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            responses.add(given().auth().oauth2(token).when().get("/api/tickets"));
        }
        Response limited = responses.stream().filter(r -> r.statusCode() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no 429 among 12 requests at a 5/s limit"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        limited.then().contentType("application/problem+json").body("status", equalTo(429));
    }
}
