package org.relaydesk.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.ticket.TicketCreated;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.LocalStack;
import org.relaydesk.testsupport.Platform;
import org.relaydesk.testsupport.ServiceProcess;
import org.relaydesk.testsupport.TopicPublisher;
import org.relaydesk.testsupport.TopicRecorder;

/**
 * Timers are owned per {@code ticket.events} partition (issue 7): a second escalation-service
 * instance in the same consumer group takes over part of the partitions, each instance fires the
 * timers of its own partitions and no timer fires twice; when the second instance stops, the first
 * takes its partitions back and fires the timers that were stored for them. Tickets are published
 * as ticket-service would (ids chosen so that every partition gets some), in a queue of their own
 * with a one-minute first-response budget in a 24x7 calendar.
 */
class EscalationTwoInstancesTest {

    static final int PARTITIONS = 6;
    static final String CALENDAR = "e2e-two-instances-24x7";

    private ServiceProcess second;

    @BeforeAll
    static void platformUp() {
        Platform.ensureUp();
    }

    /** Stops the second instance (also when the test failed) and waits until the platform's own owns every partition again. */
    @AfterEach
    void stopSecond() throws InterruptedException {
        if (second != null && second.isAlive()) {
            second.close();
        }
        await("the platform's escalation-service owns every partition again").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> metric(Platform.ESCALATION.baseUrl(), "relaydesk_escalation_partitions_owned") == PARTITIONS);
    }

    @Test
    void twoInstancesSplitTheTimersAndTheSurvivorTakesOverTheOthersTimers() throws Exception {
        long queue = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        putCalendarAndQueue(queue);
        awaitEscalationPipeline(queue);
        second = startSecondInstance();
        String secondUrl = second.baseUrl();
        second.awaitReady(Duration.ofSeconds(90));
        // the group rebalances: both own some partitions, together all of them
        await("partitions split between the two").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    double first = metric(Platform.ESCALATION.baseUrl(), "relaydesk_escalation_partitions_owned");
                    double other = metric(secondUrl, "relaydesk_escalation_partitions_owned");
                    return first >= 1 && other >= 1 && first + other == PARTITIONS;
                });
        double firedBySecondBefore = metric(secondUrl, "relaydesk_escalation_timer_lateness_seconds_count");

        try (TopicRecorder escalations = TopicRecorder.open(Topics.ESCALATION_EVENTS);
                TopicPublisher publisher = TopicPublisher.open()) {
            // two tickets per partition, created 45 s ago: due 15 s from now
            Instant created = Instant.now().minusSeconds(45).truncatedTo(ChronoUnit.SECONDS);
            List<Long> split = ticketsPerPartition(2);
            for (long ticket : split) {
                publisher.publish(Topics.TICKET_EVENTS, "ticket", Long.toString(ticket), EventTypes.TICKET_CREATED,
                        created(ticket, queue, created));
            }
            for (long ticket : split) {
                EventEnvelope e = escalations.await(ev -> ev.aggregateId().equals(Long.toString(ticket))
                        && ev.type().equals(EventTypes.TICKET_ESCALATED), Duration.ofSeconds(60));
                Duration late = Duration.between(created.plusSeconds(60), e.occurredAt());
                assertTrue(late.compareTo(Duration.ofSeconds(5)) < 0, "ticket " + ticket + " escalated " + late + " late");
            }
            double firedBySecond = metric(secondUrl, "relaydesk_escalation_timer_lateness_seconds_count")
                    - firedBySecondBefore;
            // each owned partition holds two of these tickets (the count may include other tests' timers)
            assertTrue(firedBySecond >= 2, "timers fired by the second instance (its partitions' share): " + firedBySecond);

            // the second instance stops with timers stored for its partitions; the first takes them over
            Instant created2 = Instant.now().minusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
            List<Long> handover = ticketsPerPartition(1);
            for (long ticket : handover) {
                publisher.publish(Topics.TICKET_EVENTS, "ticket", Long.toString(ticket), EventTypes.TICKET_CREATED,
                        created(ticket, queue, created2));
            }
            await("the timers of the new tickets are stored").atMost(Duration.ofSeconds(15))
                    .until(() -> handover.stream().allMatch(EscalationTwoInstancesTest::hasDueTimer));
            second.close();
            assertFalse(second.isAlive(), "the second instance stops");
            await("the first instance owns every partition again").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> metric(Platform.ESCALATION.baseUrl(), "relaydesk_escalation_partitions_owned") == PARTITIONS);
            for (long ticket : handover) {
                escalations.await(ev -> ev.aggregateId().equals(Long.toString(ticket))
                        && ev.type().equals(EventTypes.TICKET_ESCALATED), Duration.ofSeconds(60));
            }

            // nothing fired twice
            Thread.sleep(2_000);
            List<Long> all = new ArrayList<>(split);
            all.addAll(handover);
            for (long ticket : all) {
                assertEquals(1, escalations.eventsOf(Long.toString(ticket)).stream()
                        .filter(e -> e.type().equals(EventTypes.TICKET_ESCALATED)).map(EventEnvelope::id).distinct().count(),
                        "TicketEscalated events of ticket " + ticket);
            }
        }
    }

    /**
     * Precondition: the platform's own instance turns ticket events into escalation events end to end
     * (an earlier test may have just restarted Kafka or PostgreSQL, or left a backlog of ticket events):
     * an overdue ticket in every partition escalates, so no partition is still working through older events.
     */
    static void awaitEscalationPipeline(long queue) {
        List<Long> canaries = ticketsPerPartition(1);
        try (TopicRecorder escalations = TopicRecorder.open(Topics.ESCALATION_EVENTS);
                TopicPublisher publisher = TopicPublisher.open()) {
            Instant overdue = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
            for (long canary : canaries) {
                publisher.publish(Topics.TICKET_EVENTS, "ticket", Long.toString(canary), EventTypes.TICKET_CREATED,
                        created(canary, queue, overdue));
            }
            for (long canary : canaries) {
                escalations.await(ev -> ev.aggregateId().equals(Long.toString(canary))
                        && ev.type().equals(EventTypes.TICKET_ESCALATED), Duration.ofSeconds(150));
            }
        }
    }

    /** Fresh ticket ids, {@code perPartition} for each partition of ticket.events (keyed by the id as ticket-service does). */
    static List<Long> ticketsPerPartition(int perPartition) {
        Map<Integer, Integer> counts = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        long id = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        while (ids.size() < PARTITIONS * perPartition) {
            id++;
            int partition = Utils.toPositive(Utils.murmur2(Long.toString(id).getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            if (counts.merge(partition, 1, Integer::sum) <= perPartition) {
                ids.add(id);
            }
        }
        return ids;
    }

    static TicketCreated created(long ticket, long queue, Instant at) {
        return new TicketCreated(ticket, "2026112410" + ticket, "two instances " + ticket, queue, "q" + queue, "new", "new",
                3, "phone", "customer1", "org", null, false, at);
    }

    static boolean hasDueTimer(long ticket) {
        var r = given().baseUri(Platform.ESCALATION.baseUrl()).auth().oauth2(KeycloakTokens.user("admin"))
                .get("/api/escalation/tickets/" + ticket);
        return r.statusCode() == 200 && r.jsonPath().getList("timers.kind", String.class).contains("FIRST_RESPONSE_DUE");
    }

    static void putCalendarAndQueue(long queue) {
        String admin = KeycloakTokens.user("admin");
        StringBuilder week = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.append(week.isEmpty() ? "" : ",").append('"').append(day).append("\": [{\"start\": \"00:00\", \"end\": \"24:00\"}]");
        }
        given().baseUri(Platform.ESCALATION.baseUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"24x7 UTC\", \"timeZone\": \"UTC\", \"week\": {" + week + "}}")
                .put("/api/calendars/" + CALENDAR)
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
        given().baseUri(Platform.ESCALATION.baseUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("calendarId", CALENDAR, "firstResponseMinutes", 1))
                .put("/api/escalation/settings/queues/" + queue)
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
    }

    /** A second escalation-service from the same jar and configuration as ./relaydesk starts, on another port. */
    static ServiceProcess startSecondInstance() throws IOException {
        Path repo = LocalStack.repo();
        return ServiceProcess.start("escalation-second-instance",
                repo.resolve("escalation-service/target/quarkus-app/quarkus-run.jar"),
                repo.resolve("e2e-tests/target/escalation-second-instance.log"),
                List.of("relaydesk.home=" + LocalStack.home()));
    }

    /** The sum of a Prometheus metric's samples (all label sets) on an instance. */
    static double metric(String baseUrl, String name) {
        String text = given().baseUri(baseUrl).get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(text);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }
}
