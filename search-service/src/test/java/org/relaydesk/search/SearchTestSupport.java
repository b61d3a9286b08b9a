package org.relaydesk.search;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.TopicPublisher;

/** Waits until the service's consumer reads ticket.events (the test group starts at the topic's end). */
final class SearchTestSupport {

    /** The port of the application whose consumer was seen running (a test resource restarts the app). */
    private static volatile int readyPort = -1;

    private SearchTestSupport() {
    }

    static synchronized void awaitConsumer() {
        if (readyPort == io.restassured.RestAssured.port) {
            return;
        }
        AtomicReference<String> probe = new AtomicReference<>();
        try (TopicPublisher kafka = TopicPublisher.open()) {
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                if (probe.get() != null && found(probe.get())) {
                    return true;
                }
                // a probe published before the partitions were assigned is never seen: publish another
                TicketEvents t = new TicketEvents(kafka).created("consumer probe", 1, "Postmaster", null, Instant.now());
                probe.set(t.number);
                return false;
            });
        }
        readyPort = io.restassured.RestAssured.port;
    }

    private static boolean found(String number) {
        return given().auth().oauth2(KeycloakTokens.user("admin")).queryParam("number", number)
                .when().get("/api/search/tickets").then().extract().jsonPath().getList("number").contains(number);
    }
}
