package org.relaydesk.ticket.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relaydesk.ticket.rest.Api.SUPPORT;
import static org.relaydesk.ticket.rest.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.ticket.ArticleAdded;
import org.relaydesk.contracts.ticket.TicketCreated;
import org.relaydesk.testsupport.TopicRecorder;

@QuarkusTest
class TicketCreateTest {

    @Test
    void phoneTicketIsCreatedWithItsArticleAndBothEventsArriveInOrder() {
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            Map<String, Object> body = Api.phoneTicket(SUPPORT, "Printer on fire");
            var response = Api.create("agent1", body).then()
                    .statusCode(201)
                    .header("ETag", "\"1\"")
                    .header("Location", notNullValue())
                    .body("number", matchesPattern("\\d{8}10\\d{5,}\\d"))
                    .body("queue", equalTo("Support"))
                    .body("state", equalTo("new"))
                    .body("stateType", equalTo("new"))
                    .body("priority", equalTo(3))
                    .body("locked", equalTo(false))
                    .body("customerUserId", equalTo("customer1"))
                    .extract().jsonPath();
            long id = response.getLong("id");
            String key = Long.toString(id);

            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> rec.eventsOf(key).size() >= 2);
            List<EventEnvelope> events = rec.eventsOf(key);
            assertEquals(List.of(EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED), Api.types(events));
            TicketCreated created = events.get(0).payloadAs(TicketCreated.class);
            assertEquals(response.getString("number"), created.number());
            assertEquals("phone", created.channel());
            assertEquals("Support", created.queueName());
            assertEquals("agent1", created.createdBy());
            ArticleAdded article = events.get(1).payloadAs(ArticleAdded.class);
            assertEquals("phone", article.channel());
            assertEquals("customer", article.senderType());
            assertEquals(true, article.visibleForCustomer());
            assertEquals(false, article.outbound());

            as("agent1").get("/api/tickets/" + id).then()
                    .statusCode(200)
                    .header("ETag", "\"1\"")
                    .body("articles", hasSize(1))
                    .body("articles[0].bodyText", equalTo("The customer called about: Printer on fire"));
        }
    }
}
