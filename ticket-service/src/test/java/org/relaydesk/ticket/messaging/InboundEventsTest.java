package org.relaydesk.ticket.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Json;
import org.relaydesk.contracts.Topics;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.LocalStack;

/** Escalation actions and delivery results arrive over the real broker and are applied once. */
@QuarkusTest
class InboundEventsTest {

    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA_BOOTSTRAP);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    @AfterAll
    static void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(KeycloakTokens.user(user)).contentType(ContentType.JSON);
    }

    private static void send(String topic, long ticketId, String type, Object payload) throws Exception {
        EventEnvelope e = new EventEnvelope(UUID.randomUUID(), type, "ticket", Long.toString(ticketId), Instant.now(), 1,
                "test", null, Json.MAPPER.valueToTree(payload));
        producer.send(new ProducerRecord<>(topic, e.aggregateId(), Json.write(e))).get();
        producer.send(new ProducerRecord<>(topic, e.aggregateId(), Json.write(e))).get(); // redelivery: applied once
    }

    private static long ticket(String title) {
        return as("agent1").body(Map.of("title", title, "queueId", 5, "channel", "phone", "customerUserId", "customer1",
                        "article", Map.of("body", title)))
                .post("/api/tickets").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void autoUnlockDueUnlocksTheTicket() throws Exception {
        long id = ticket("Auto unlock");
        as("agent1").post("/api/tickets/" + id + "/lock").then().statusCode(200);
        send(Topics.ESCALATION_EVENTS, id, EventTypes.AUTO_UNLOCK_DUE, Map.of("ticketId", id));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("agent1").get("/api/tickets/" + id).then().body("locked", equalTo(false)));
        as("agent1").get("/api/tickets/" + id + "/history").then()
                .body("findAll { it.type == 'Unlock' }.size()", equalTo(1))
                .body("find { it.type == 'Unlock' }.actor", equalTo("system"));
    }

    @Test
    void pendingAutoCloseDueClosesOnlyWhenTheTimeHasPassed() throws Exception {
        long id = ticket("Auto close");
        as("agent1").body(Map.of("state", "pending auto close+", "pendingUntil", Instant.now().plusSeconds(1).toString()))
                .post("/api/tickets/" + id + "/pending").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> true);
        Awaitility.await().pollDelay(Duration.ofMillis(1100)).until(() -> true);
        send(Topics.ESCALATION_EVENTS, id, EventTypes.PENDING_AUTO_CLOSE_DUE, Map.of("ticketId", id));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("agent1").get("/api/tickets/" + id).then().body("state", equalTo("closed successful")));
    }

    @Test
    void escalationFlagFollowsEscalatedAndStopped() throws Exception {
        long id = ticket("Escalation");
        send(Topics.ESCALATION_EVENTS, id, EventTypes.TICKET_ESCALATED, Map.of("ticketId", id, "kind", "first-response"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("agent1").get("/api/tickets?escalated=true&queueId=5&limit=200").then().body("items.id.contains(" + id + ")", equalTo(true)));
        send(Topics.ESCALATION_EVENTS, id, EventTypes.ESCALATION_STOPPED, Map.of("ticketId", id));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("agent1").get("/api/tickets/" + id).then().body("escalated", equalTo(false)));
    }

    @Test
    void deliveryResultsUpdateTheArticle() throws Exception {
        long id = ticket("Delivery");
        long article = as("agent1").body(Map.of("kind", "reply", "body", "On its way"))
                .post("/api/tickets/" + id + "/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        send(Topics.MAIL_DELIVERY, id, "MailDelivered", Map.of("articleId", article, "status", "sent", "detail", "250 OK"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("agent1").get("/api/tickets/" + id + "/articles/" + article).then()
                        .body("deliveryStatus", equalTo("sent")).body("deliveryDetail", equalTo("250 OK")));
    }
}
