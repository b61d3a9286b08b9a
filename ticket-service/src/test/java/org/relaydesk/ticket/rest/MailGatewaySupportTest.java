package org.relaydesk.ticket.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relaydesk.ticket.rest.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.ticket.ArticleAdded;
import org.relaydesk.testsupport.TopicRecorder;

/** What the mail-gateway relies on: autoResponse/junk flags, new customer users, dedup, by-number, queues. */
@QuarkusTest
class MailGatewaySupportTest {

    private static Map<String, Object> mail(String from, String subject) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", subject);
        body.put("queueId", Api.RAW);
        body.put("channel", "email");
        body.put("article", new HashMap<>(Map.of("senderType", "customer", "from", from, "subject", subject,
                "body", "Mail body", "messageId", "<gw-" + System.nanoTime() + "@example.com>")));
        return body;
    }

    @Test
    void autoResponseFalseSuppressesTheAutoResponse() {
        Map<String, Object> body = mail("Chris <customer1@example.com>", "Out of office");
        body.put("autoResponse", false);
        long id = Api.create("admin", body).then().statusCode(201).extract().jsonPath().getLong("id");
        as("admin").get("/api/tickets/" + id).then().body("articles.size()", equalTo(1));
        Map<String, Object> followUp = new HashMap<>(Map.of("kind", "email", "senderType", "customer",
                "from", "customer1@example.com", "body", "auto reply", "autoResponse", false));
        as("admin").body(followUp).post("/api/tickets/" + id + "/articles").then().statusCode(201);
        as("admin").get("/api/tickets/" + id).then().body("articles.size()", equalTo(2))
                .body("articles.kind", not(hasItem("auto_response")));
    }

    @Test
    void junkTicketsGoClosedToTheJunkQueue() {
        Map<String, Object> body = mail("spam@example.net", "Buy now");
        body.put("junk", true);
        Api.create("admin", body).then().statusCode(201).body("queueId", equalTo(Api.JUNK))
                .body("state", equalTo("closed unsuccessful"));
    }

    @Test
    void unknownSenderBecomesACustomerUser() {
        String address = "New.Person" + System.nanoTime() + "@Example.ORG";
        long id = Api.create("admin", mail("New Person <" + address + ">", "First contact")).then().statusCode(201)
                .body("customerUserId", equalTo(address.toLowerCase())).extract().jsonPath().getLong("id");
        long again = Api.create("admin", mail(address, "Second contact")).then().statusCode(201)
                .body("customerUserId", equalTo(address.toLowerCase())).extract().jsonPath().getLong("id");
        assertEquals(true, again != id);
    }

    @Test
    void mailsFromTheSameNewSenderAtOnceAllBecomeTicketsOfOneCustomerUser() throws Exception {
        // the mail-gateway processes several mails in parallel; before, all but one failed with 409 on
        // the new customer user's primary key and went to quarantine
        String address = "burst" + System.nanoTime() + "@example.org";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                calls.add(pool.submit(() -> Api.create("admin", mail("Burst Sender <" + address + ">", "Burst " + n))));
            }
            for (var call : calls) {
                call.get().then().statusCode(201).body("customerUserId", equalTo(address));
            }
        } finally {
            pool.shutdownNow();
        }
        as("admin").get("/api/admin/customer-users/" + address).then().statusCode(200).body("email", equalTo(address));
    }

    @Test
    void anyArticleIsDeduplicatedByMessageId() {
        long id = Api.createTicket("agent3", Api.RAW, "Dedup");
        String messageId = "<note-" + System.nanoTime() + "@relaydesk>";
        Map<String, Object> note = new HashMap<>(Map.of("kind", "note", "body", "internal", "messageId", messageId));
        long article = as("admin").body(note).post("/api/tickets/" + id + "/articles").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as("admin").body(note).post("/api/tickets/" + id + "/articles").then().statusCode(200)
                .body("id", equalTo((int) article));
    }

    @Test
    void ticketByNumberAndQueueList() {
        var created = Api.create("admin", Api.phoneTicket(Api.RAW, "By number")).then().statusCode(201).extract().jsonPath();
        as("admin").get("/api/tickets/by-number/" + created.getString("number")).then().statusCode(200)
                .body("id", equalTo(created.getInt("id")));
        as("admin").get("/api/tickets/by-number/0000000000000000").then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        as("agent3").get("/api/queues").then().statusCode(200).body("name", hasItem("Raw"))
                .body("find { it.name == 'Raw' }.id", equalTo(Api.RAW));
    }

    @Test
    void articleAddedCarriesTheQueue() {
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            long id = Api.createTicket("admin", Api.RAW, "Queue in event");
            List<EventEnvelope> events = Events.expect(rec, id, EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED);
            assertEquals(Long.valueOf(Api.RAW), events.get(1).payloadAs(ArticleAdded.class).queueId());
        }
    }
}
