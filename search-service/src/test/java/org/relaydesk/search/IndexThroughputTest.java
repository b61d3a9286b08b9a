package org.relaydesk.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.TopicPublisher;

/**
 * A burst of 100 tickets with 2 articles each (300 events) published at once: how long until the
 * last one is searchable. Prints the figure; fails only if it takes more than 2 minutes.
 */
@QuarkusTest
class IndexThroughputTest {

    @BeforeEach
    void consumerRuns() {
        SearchTestSupport.awaitConsumer();
    }

    @Test
    void burstOfEventsIsIndexed() {
        String marker = "burst" + System.nanoTime();
        List<TicketEvents> tickets = new ArrayList<>();
        Instant start;
        try (TopicPublisher kafka = TopicPublisher.open()) {
            start = Instant.now();
            for (int i = 0; i < 100; i++) {
                TicketEvents t = new TicketEvents(kafka).created("Burst ticket " + i + " " + marker, 1, "Postmaster", "customer1", Instant.now());
                t.article("customer", true, "customer1@example.com", "Burst " + i, "First message of " + marker + " number " + i, Instant.now());
                t.article("agent", true, "agent1@relaydesk.local", "Re: Burst " + i, "Answer to " + marker + " " + i, Instant.now());
                tickets.add(t);
            }
        }
        Instant published = Instant.now();
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.user("admin")).queryParam("q", "answer " + marker).queryParam("size", 1)
                        .when().get("/api/search/tickets")
                        .then().statusCode(200).header("X-Total-Count", equalTo("100")));
        Instant done = Instant.now();
        long ms = Duration.between(start, done).toMillis();
        System.out.printf("IndexThroughputTest: 300 events published in %d ms, all searchable after %d ms (%.0f events/s)%n",
                Duration.between(start, published).toMillis(), ms, 300_000.0 / ms);
    }
}
