package org.relaydesk.ticket.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

@QuarkusTest
class FollowUpAndAutoResponseTest {

    private static Map<String, Object> inboundMail(int queueId, String subject) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", subject);
        body.put("queueId", queueId);
        body.put("channel", "email");
        body.put("article", Map.of("senderType", "customer", "from", "Chris <customer1@example.com>", "subject", subject,
                "body", "Mail body", "messageId", "<in-" + System.nanoTime() + "@example.com>"));
        return body;
    }

    @Test
    void mailToRawGetsTheNewTicketAutoResponse() {
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            long id = Api.create("admin", inboundMail(Api.RAW, "Help by mail")).then().statusCode(201)
                    .body("customerUserId", equalTo("customer1")).extract().jsonPath().getLong("id");
            List<EventEnvelope> events = Events.expect(rec, id, EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED,
                    EventTypes.ARTICLE_ADDED);
            ArticleAdded auto = events.get(2).payloadAs(ArticleAdded.class);
            assertEquals("auto_response", auto.kind());
            assertEquals("system", auto.senderType());
            assertTrue(auto.outbound());
            assertEquals("Chris <customer1@example.com>", auto.to());
            assertTrue(auto.subject().contains("[Ticket#"), auto.subject());
            assertTrue(auto.bodyText().contains("will be handled soon"), auto.bodyText());
        }
    }

    @Test
    void rejectPolicyKeepsAMailedFollowUpButLeavesTheTicketClosedAndSendsTheRejectResponse() {
        int group = Admin.group(Admin.unique("grp"));
        Admin.grant(group, "users", "rw");
        int reject = as("admin").get("/api/admin/auto-responses").then().statusCode(200).extract().jsonPath()
                .getInt("find { it.type == 'reject' }.id");
        int queue = as("admin").body(Map.of("name", Admin.unique("strict"), "groupId", group, "followUpPolicy", "reject",
                        "autoResponses", Map.of("reject", reject)))
                .post("/api/admin/queues").then().statusCode(201).extract().jsonPath().getInt("id");
        long id = Api.createTicket("agent3", queue, "Strict");
        as("agent3").body("{}").post("/api/tickets/" + id + "/close").then().statusCode(200);
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            as("admin").body(Map.of("kind", "email", "senderType", "customer", "from", "Chris <customer1@example.com>",
                            "subject", "Still broken", "body", "again", "messageId", "<again-" + System.nanoTime() + "@example.com>"))
                    .post("/api/tickets/" + id + "/articles").then().statusCode(201);
            List<EventEnvelope> events = Events.expect(rec, id, EventTypes.ARTICLE_ADDED, EventTypes.ARTICLE_ADDED);
            ArticleAdded kept = events.get(0).payloadAs(ArticleAdded.class);
            ArticleAdded auto = events.get(1).payloadAs(ArticleAdded.class);
            assertEquals("customer", kept.senderType());
            assertEquals("auto_response", auto.kind());
            assertEquals("Chris <customer1@example.com>", auto.to());
            assertTrue(auto.subject().contains("rejected"), auto.subject());
            assertTrue(auto.bodyText().contains("Please open a new request"), auto.bodyText());
        }
        as("agent3").get("/api/tickets/" + id).then().body("state", equalTo("closed successful")).body("articles.size()", equalTo(3));
        as("agent3").get("/api/tickets/" + id + "/history").then().statusCode(200)
                .body("type", org.hamcrest.Matchers.hasItem("FollowUpRejected"));
    }

    @Test
    void rejectPolicyRefusesAPortalFollowUpToAClosedTicket() {
        int group = Admin.group(Admin.unique("grp"));
        Admin.grant(group, "users", "rw");
        int queue = as("admin").body(Map.of("name", Admin.unique("strict"), "groupId", group, "followUpPolicy", "reject"))
                .post("/api/admin/queues").then().statusCode(201).extract().jsonPath().getInt("id");
        long id = Api.createTicket("agent3", queue, "Strict");
        as("agent3").body("{}").post("/api/tickets/" + id + "/close").then().statusCode(200);
        as("admin").body(Map.of("kind", "web", "senderType", "customer", "body", "again"))
                .post("/api/tickets/" + id + "/articles").then().statusCode(409)
                .body("type", equalTo("/problems/follow-up-rejected"));
        as("agent3").get("/api/tickets/" + id).then().body("state", equalTo("closed successful")).body("articles.size()", equalTo(1));
    }

    @Test
    void newTicketPolicyOpensANewTicketForFollowUps() {
        int group = Admin.group(Admin.unique("grp"));
        Admin.grant(group, "users", "rw");
        int queue = as("admin").body(Map.of("name", Admin.unique("fresh"), "groupId", group, "followUpPolicy", "new_ticket"))
                .post("/api/admin/queues").then().statusCode(201).extract().jsonPath().getInt("id");
        long id = Api.createTicket("agent3", queue, "Fresh");
        as("agent3").body("{}").post("/api/tickets/" + id + "/close").then().statusCode(200);
        long newTicket = as("admin").body(Map.of("kind", "email", "senderType", "customer", "subject", "Again", "body", "again"))
                .post("/api/tickets/" + id + "/articles").then().statusCode(201)
                .extract().jsonPath().getLong("ticketId");
        assertTrue(newTicket != id);
        as("agent3").get("/api/tickets/" + newTicket).then().body("title", equalTo("Again")).body("state", equalTo("new"))
                .body("customerUserId", equalTo("customer1"));
    }

    @Test
    void openApiAndHealthArePublic() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", notNullValue())
                .body("paths.'/api/tickets'.post.summary", containsString("Create a ticket"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(not(containsString("TicketSeenFlag")));
    }
}
