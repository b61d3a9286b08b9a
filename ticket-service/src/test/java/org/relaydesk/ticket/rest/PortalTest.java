package org.relaydesk.ticket.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.relaydesk.ticket.rest.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.ticket.TicketCreated;
import org.relaydesk.testsupport.TopicRecorder;

@QuarkusTest
class PortalTest {

    private static long portalTicket(String customer, String title) {
        return as(customer).body(Map.of("title", title, "body", "Please help with " + title, "queueId", Api.SUPPORT))
                .post("/api/portal/tickets").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void customerCreatesATicketAsTheirCustomerUser() {
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            long id = portalTicket("customer1", "Portal request");
            var events = Events.expect(rec, id, EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED);
            TicketCreated created = events.get(0).payloadAs(TicketCreated.class);
            org.junit.jupiter.api.Assertions.assertEquals("web", created.channel());
            org.junit.jupiter.api.Assertions.assertEquals("customer1", created.customerUserId());
            as("agent1").get("/api/tickets/" + id).then().statusCode(200)
                    .body("customerUserId", equalTo("customer1"))
                    .body("articles[0].senderType", equalTo("customer"))
                    .body("articles[0].channel", equalTo("web"))
                    .body("articles[0].from", equalTo("customer1@example.com"));
        }
    }

    @Test
    void customersNeverSeeInternalArticles() {
        long id = portalTicket("customer1", "Internal notes");
        as("agent1").body(Api.note("The customer is wrong, do not tell them")).post("/api/tickets/" + id + "/articles")
                .then().statusCode(201);
        as("agent1").body(Map.of("kind", "phone", "body", "Called back")).post("/api/tickets/" + id + "/articles")
                .then().statusCode(201);
        as("customer1").get("/api/portal/tickets/" + id).then().statusCode(200)
                .body("articles", hasSize(2))
                .body("articles.visibleForCustomer", everyItem(equalTo(true)))
                .body("articles.bodyText", not(hasItem("The customer is wrong, do not tell them")))
                .body("owner", nullValue());
    }

    @Test
    void customersNeverSeeOtherCustomersTickets() {
        long mine = portalTicket("customer1", "Mine");
        long theirs = portalTicket("customer2", "Theirs");
        as("customer2").get("/api/portal/tickets/" + mine).then().statusCode(404).contentType("application/problem+json");
        as("customer2").body(Map.of("body", "hijack")).post("/api/portal/tickets/" + mine + "/articles").then().statusCode(404);
        as("customer2").get("/api/portal/tickets?limit=200").then().statusCode(200)
                .body("items.id", hasItem((int) theirs))
                .body("items.id", not(hasItem((int) mine)));
        as("customer1").get("/api/tickets/" + mine).then().statusCode(403);
    }

    @Test
    void customerReplyReopensAClosedTicket() {
        long id = portalTicket("customer3", "Reply");
        as("agent1").body("{}").post("/api/tickets/" + id + "/close").then().statusCode(200);
        as("customer3").body(Map.of("body", "Not solved yet")).post("/api/portal/tickets/" + id + "/articles").then()
                .statusCode(201).body("senderType", equalTo("customer"));
        as("customer3").get("/api/portal/tickets/" + id).then().body("state", equalTo("open"))
                .body("articles", hasSize(2));
    }

    @Test
    void portalValidationNamesTheField() {
        as("customer1").body(Map.of("title", "", "body", "x")).post("/api/portal/tickets").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("title")));
    }
}
