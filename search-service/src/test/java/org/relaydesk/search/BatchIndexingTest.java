package org.relaydesk.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Json;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.ticket.ArticleAdded;
import org.relaydesk.contracts.ticket.DynamicFieldChanged;
import org.relaydesk.contracts.ticket.PriorityChanged;
import org.relaydesk.contracts.ticket.ResponsibleChanged;
import org.relaydesk.contracts.ticket.TicketCreated;
import org.relaydesk.contracts.ticket.TicketMerged;
import org.relaydesk.contracts.ticket.TicketMoved;
import org.relaydesk.contracts.ticket.TicketStateChanged;
import org.relaydesk.search.messaging.EventApplier;
import org.relaydesk.search.service.Es;
import org.relaydesk.search.service.Indices;
import org.relaydesk.search.service.TicketIndex;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.LocalStack;

/**
 * Events applied in batches (one transaction, one bulk request per run of events between merges):
 * the documents are those of applying the events one at a time, a redelivered batch changes
 * nothing, and a burst on the real topic ends in the right state.
 */
@QuarkusTest
class BatchIndexingTest {

    @Inject
    EventApplier applier;

    @Inject
    TicketIndex index;

    @Inject
    Es es;

    @Inject
    Indices indices;

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void consumerRuns() {
        SearchTestSupport.awaitConsumer();
    }

    /**
     * Two tickets, t and s = t + 1, interleaved in one sequence: t gets articles (the second one the first
     * response), field changes, two dynamic fields, the article of s by a merge in the middle, one more
     * article, a move and is closed two hours after its creation; an unreadable event sits in between.
     */
    static List<EventEnvelope> story(long t, Instant created) {
        long s = t + 1;
        String tn = "2026112497" + t;
        String sn = "2026112497" + s;
        List<EventEnvelope> events = new ArrayList<>();
        Instant[] at = {created};
        java.util.function.BiConsumer<String, Object> add = (type, payload) -> {
            JsonNode body = Json.MAPPER.valueToTree(payload);
            long ticket = body.path("ticketId").asLong();
            events.add(new EventEnvelope(UUID.randomUUID(), type, "ticket", Long.toString(ticket), at[0], 1, "test", null, body));
            at[0] = at[0].plusSeconds(1);
        };
        add.accept(EventTypes.TICKET_CREATED, new TicketCreated(t, tn, "Scanner offline", 4, "Misc", "new", "new", 3, "phone",
                "customer1", "ACME", null, false, created));
        add.accept(EventTypes.ARTICLE_ADDED, article(t, tn, t * 10 + 1, "customer", true, "The scanner shows error lemur", created.plusSeconds(60)));
        add.accept(EventTypes.TICKET_CREATED, new TicketCreated(s, sn, "Scanner offline again", 4, "Misc", "new", "new", 3, "phone",
                "customer1", "ACME", null, false, created));
        add.accept(EventTypes.ARTICLE_ADDED, article(s, sn, s * 10 + 1, "customer", true, "Still broken gecko", created.plusSeconds(90)));
        add.accept(EventTypes.PRIORITY_CHANGED, new PriorityChanged(t, 3, 4, "agent1"));
        add.accept(EventTypes.DYNAMIC_FIELD_CHANGED, new DynamicFieldChanged(t, "Device", "text", null,
                Json.MAPPER.getNodeFactory().textNode("scanner"), "agent1"));
        // not readable as PriorityChanged: skipped, the others apply
        add.accept(EventTypes.PRIORITY_CHANGED, Map.of("ticketId", t, "newPriority", "very high"));
        add.accept(EventTypes.ARTICLE_ADDED, article(t, tn, t * 10 + 2, "agent", true, "Please restart it", created.plusSeconds(600)));
        add.accept(EventTypes.DYNAMIC_FIELD_CHANGED, new DynamicFieldChanged(t, "Tags", "multiselect", null,
                Json.MAPPER.createArrayNode().add("a").add("b"), "agent1"));
        add.accept(EventTypes.TICKET_MERGED, new TicketMerged(s, t, tn, List.of(s * 10 + 1), "agent1"));
        add.accept(EventTypes.TICKET_STATE_CHANGED, new TicketStateChanged(s, "new", "new", "merged", "merged", null, null, "agent1"));
        add.accept(EventTypes.ARTICLE_ADDED, article(t, tn, t * 10 + 3, "agent", false, "Internal: driver reinstalled", created.plusSeconds(700)));
        add.accept(EventTypes.TICKET_MOVED, new TicketMoved(t, 4, "Misc", 6, "Triage", "agent1"));
        add.accept(EventTypes.PRIORITY_CHANGED, new PriorityChanged(t, 4, 5, "agent1"));
        add.accept(EventTypes.TICKET_STATE_CHANGED, new TicketStateChanged(t, "new", "new", "closed successful", "closed", null,
                created.plusSeconds(7200), "agent1"));
        return events;
    }

    static ArticleAdded article(long ticket, String number, long articleId, String sender, boolean visible, String body, Instant at) {
        return new ArticleAdded(ticket, number, articleId, visible ? "phone" : "note", sender, visible ? "phone" : "note", visible,
                sender + "@example.com", "support@relaydesk.local", null, null, "Scanner", body, null, null, null, null, false,
                null, List.of("photo.png"), "agent1", at);
    }

    /** The batch path against the per-event path: the same documents. */
    @Test
    void aBatchWritesWhatOneEventAtATimeWrites() {
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
        long batched = ThreadLocalRandom.current().nextLong(100_000_000L, 400_000_000L) * 2;
        long alone = batched + 10;

        applier.apply(story(batched, created));
        // the same events one at a time through the per-event path (which the batch falls back to)
        for (EventEnvelope event : story(alone, created)) {
            try {
                index.apply(event);
            } catch (IllegalArgumentException unreadable) {
                // skipped, as in the batch
            }
        }

        JsonNode t = ticket(batched);
        assertEquals(5, t.path("priority").asInt());
        assertEquals("Triage", t.path("queue").asText());
        assertEquals("closed", t.path("stateType").asText());
        // read from the creation in the same batch
        assertEquals(120.0, t.path("solutionMinutes").asDouble(), 0.001);
        assertEquals(10.0, t.path("firstResponseMinutes").asDouble(), 0.001);
        assertEquals("scanner", t.path("dynamicFields").path("Device").asText());
        assertEquals(List.of("a", "b"), texts(t.path("dynamicFields").path("Tags")));
        assertEquals(List.of(batched * 10 + 1, batched * 10 + 2, (batched + 1) * 10 + 1, batched * 10 + 3), longs(t.path("articleIds")));
        assertEquals(4, t.path("articleCount").asInt());
        assertTrue(texts(t.path("body")).contains("Still broken gecko"), "the merged article's text: " + t.path("body"));
        assertEquals(List.of("The scanner shows error lemur", "Please restart it", "Still broken gecko"), texts(t.path("publicBody")));
        JsonNode s = ticket(batched + 1);
        assertEquals("2026112497" + batched, s.path("mergedInto").asText());
        assertEquals("merged", s.path("stateType").asText());
        assertEquals(0, s.path("articleCount").asInt());
        assertEquals(batched, es.getOrNull("/" + indices.articles() + "/_doc/" + ((batched + 1) * 10 + 1))
                .path("_source").path("ticketId").asLong());

        assertEquals(normalized(ticket(alone), alone), normalized(t, batched));
        assertEquals(normalized(ticket(alone + 1), alone), normalized(s, batched));
    }

    @Test
    void aRedeliveredBatchChangesNothing() throws SQLException {
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
        long id = ThreadLocalRandom.current().nextLong(100_000_000L, 400_000_000L) * 2 + 1_000_000_000L;
        List<EventEnvelope> batch = story(id, created);
        applier.apply(batch);
        assertEquals(batch.size(), recorded(batch));
        // a later change, then the whole batch again, and once more with one new event in it
        applier.apply(List.of(envelope(EventTypes.PRIORITY_CHANGED, id, new PriorityChanged(id, 5, 2, "agent1"))));
        applier.apply(batch);
        List<EventEnvelope> again = new ArrayList<>(batch);
        again.add(envelope(EventTypes.RESPONSIBLE_CHANGED, id, new ResponsibleChanged(id, null, "agent2", "agent1")));
        applier.apply(again);

        JsonNode t = ticket(id);
        assertEquals(2, t.path("priority").asInt());
        assertEquals("agent2", t.path("responsible").asText());
        assertEquals(4, t.path("articleCount").asInt());
        assertEquals(4, t.path("articleIds").size());
        assertEquals(3, t.path("publicBody").size());
        assertEquals(batch.size() + 1, recorded(again));
    }

    @Test
    void aBurstOnTheTopicEndsInTheRightState() {
        String marker = "batch" + System.nanoTime();
        int tickets = 40;
        List<EventEnvelope> events = new ArrayList<>();
        long base = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        for (int i = 0; i < tickets; i++) {
            long id = base + i;
            String number = "2026112496" + id;
            Instant now = Instant.now();
            events.add(envelope(EventTypes.TICKET_CREATED, id, new TicketCreated(id, number, "Burst " + marker, 4, "Misc", "new",
                    "new", 3, "phone", "customer1", "ACME", null, false, now)));
            events.add(envelope(EventTypes.ARTICLE_ADDED, id, article(id, number, id * 10 + 1, "customer", true, "Question " + marker, now)));
            events.add(envelope(EventTypes.PRIORITY_CHANGED, id, new PriorityChanged(id, 3, 4, "agent1")));
            events.add(envelope(EventTypes.ARTICLE_ADDED, id, article(id, number, id * 10 + 2, "agent", true, "Answer " + marker, now)));
            events.add(envelope(EventTypes.DYNAMIC_FIELD_CHANGED, id, new DynamicFieldChanged(id, "Burst", "text", null,
                    Json.MAPPER.getNodeFactory().textNode(marker), "agent1")));
            events.add(envelope(EventTypes.PRIORITY_CHANGED, id, new PriorityChanged(id, 4, 5, "agent1")));
            events.add(envelope(EventTypes.TICKET_STATE_CHANGED, id, new TicketStateChanged(id, "new", "new", "closed successful",
                    "closed", null, now, "agent1")));
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA_BOOTSTRAP);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (EventEnvelope e : events) {
                producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS, e.aggregateId(), Json.write(e)));
            }
            // redelivered: the first ten tickets' events once more, and a record that is not an event
            for (EventEnvelope e : events.subList(0, 70)) {
                producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS, e.aggregateId(), Json.write(e)));
            }
            producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS, Long.toString(base), "not an event"));
            producer.flush();
        }
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.user("admin")).contentType(ContentType.JSON)
                        .body(Map.of("q", "answer " + marker, "priority", List.of(5), "stateType", List.of("closed"), "size", 1))
                        .when().post("/api/search/tickets")
                        .then().statusCode(200).body("total", equalTo(tickets)));
        for (int i = 0; i < tickets; i++) {
            JsonNode t = ticket(base + i);
            assertEquals(List.of((base + i) * 10 + 1, (base + i) * 10 + 2), longs(t.path("articleIds")), "ticket " + i);
            assertEquals(List.of("Question " + marker, "Answer " + marker), texts(t.path("body")), "ticket " + i);
            assertEquals(marker, t.path("dynamicFields").path("Burst").asText());
            assertTrue(t.path("firstResponseAt").isTextual(), "ticket " + i);
        }
    }

    static EventEnvelope envelope(String type, long ticketId, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), type, "ticket", Long.toString(ticketId), Instant.now(), 1, "test", null,
                Json.MAPPER.valueToTree(payload));
    }

    JsonNode ticket(long id) {
        JsonNode r = es.getOrNull("/" + indices.tickets() + "/_doc/" + id);
        assertTrue(r != null && r.path("found").asBoolean(), "ticket " + id + " indexed");
        return r.path("_source");
    }

    /** The document without what differs between the two runs (ids, numbers). */
    static JsonNode normalized(JsonNode ticket, long base) {
        ObjectNode copy = ticket.deepCopy();
        copy.remove(List.of("ticketId", "number", "mergedInto"));
        var ids = copy.putArray("articleIds");
        ticket.path("articleIds").forEach(n -> ids.add((n.asLong() / 10 - base) + ":" + n.asLong() % 10));
        return copy;
    }

    int recorded(List<EventEnvelope> events) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from processed_event where event_id = any(?::uuid[])")) {
            ps.setArray(1, c.createArrayOf("text", events.stream().map(e -> e.id().toString()).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asLong()));
        return values;
    }
}
