package org.relaydesk.ticket.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relaydesk.ticket.rest.Api.SUPPORT;
import static org.relaydesk.ticket.rest.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.ticket.TicketLinked;
import org.relaydesk.contracts.ticket.TicketMerged;
import org.relaydesk.contracts.ticket.TicketSplit;
import org.relaydesk.contracts.ticket.TicketUnlinked;
import org.relaydesk.testsupport.TopicRecorder;

@QuarkusTest
class LinkMergeSplitTest {

    @Test
    void parentChildLinkIsVisibleFromBothSidesAndCanBeRemoved() {
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            long parent = Api.createTicket("agent1", SUPPORT, "Parent");
            long child = Api.createTicket("agent1", SUPPORT, "Child");
            as("agent1").body(Map.of("targetTicketId", child, "type", "parent_child")).post("/api/tickets/" + parent + "/links")
                    .then().statusCode(200);
            as("agent1").body(Map.of("targetTicketId", child)).post("/api/tickets/" + parent + "/links").then().statusCode(409);
            as("agent1").body(Map.of("targetTicketId", parent)).post("/api/tickets/" + parent + "/links").then().statusCode(422)
                    .body("errors[0].field", equalTo("targetTicketId"));
            as("agent1").get("/api/tickets/" + child + "/links").then().statusCode(200)
                    .body("", hasSize(1)).body("[0].otherTicketId", equalTo((int) parent)).body("[0].role", equalTo("child"));
            as("agent1").delete("/api/tickets/" + child + "/links/" + parent).then().statusCode(200);
            as("agent1").get("/api/tickets/" + parent + "/links").then().body("", hasSize(0));

            List<EventEnvelope> p = Events.expect(rec, parent, EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED,
                    EventTypes.TICKET_LINKED, EventTypes.TICKET_UNLINKED);
            List<EventEnvelope> c = Events.expect(rec, child, EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED,
                    EventTypes.TICKET_LINKED, EventTypes.TICKET_UNLINKED);
            assertEquals("parent", p.get(2).payloadAs(TicketLinked.class).role());
            assertEquals("child", c.get(2).payloadAs(TicketLinked.class).role());
            assertEquals(parent, c.get(3).payloadAs(TicketUnlinked.class).otherTicketId());
        }
    }

    @Test
    void mergeMovesArticlesAndMarksTheSourceMerged() {
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            long source = Api.createTicket("agent1", SUPPORT, "Duplicate");
            long target = Api.createTicket("agent1", SUPPORT, "Original");
            long movedArticle = as("agent1").get("/api/tickets/" + source).jsonPath().getLong("articles[0].id");
            as("agent1").body(Map.of("targetTicketId", target)).post("/api/tickets/" + source + "/merge").then()
                    .statusCode(200).body("state", equalTo("merged")).body("stateType", equalTo("merged"));
            as("agent1").get("/api/tickets/" + target).then().body("articles", hasSize(2))
                    .body("articles.id", org.hamcrest.Matchers.hasItem((int) movedArticle));
            String targetNumber = as("agent1").get("/api/tickets/" + target).jsonPath().getString("number");
            as("agent1").get("/api/tickets/" + source).then().body("articles", hasSize(1))
                    .body("articles[0].kind", equalTo("note"))
                    .body("mergedIntoTicketId", org.hamcrest.Matchers.hasToString(Long.toString(target)))
                    .body("mergedIntoNumber", equalTo(targetNumber));
            as("agent1").get("/api/tickets/" + target).then().body("mergedIntoTicketId", org.hamcrest.Matchers.nullValue());
            as("agent1").body(Map.of("targetTicketId", target)).post("/api/tickets/" + source + "/merge").then().statusCode(409);
            List<EventEnvelope> events = Events.expect(rec, source, EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED,
                    EventTypes.TICKET_MERGED, EventTypes.TICKET_STATE_CHANGED, EventTypes.ARTICLE_ADDED);
            TicketMerged merged = events.get(2).payloadAs(TicketMerged.class);
            assertEquals(target, merged.targetTicketId());
            assertEquals(List.of(movedArticle), merged.articleIds());
        }
    }

    @Test
    void splitCreatesALinkedTicketFromAnArticle() {
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            long source = Api.createTicket("agent1", SUPPORT, "Two problems");
            long article = as("agent1").body(Map.of("kind", "phone", "subject", "Second problem", "body", "Also the fax"))
                    .post("/api/tickets/" + source + "/articles").then().statusCode(201).extract().jsonPath().getLong("id");
            long created = as("agent1").body(Map.of("articleId", article, "linkType", "parent_child"))
                    .post("/api/tickets/" + source + "/split").then().statusCode(201)
                    .body("title", equalTo("Second problem")).body("customerUserId", equalTo("customer1"))
                    .extract().jsonPath().getLong("id");
            as("agent1").get("/api/tickets/" + created).then().body("articles", hasSize(1))
                    .body("articles[0].bodyText", equalTo("Also the fax"))
                    .body("splitFromTicketId", org.hamcrest.Matchers.hasToString(Long.toString(source)));
            as("agent1").get("/api/tickets/" + created + "/links").then().body("[0].role", equalTo("child"));
            List<EventEnvelope> events = Events.expect(rec, created, EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED,
                    EventTypes.TICKET_LINKED, EventTypes.TICKET_SPLIT);
            TicketSplit split = events.get(3).payloadAs(TicketSplit.class);
            assertEquals(source, split.sourceTicketId());
            assertEquals(article, split.sourceArticleId());
        }
    }

    @Test
    void bulkAppliesToAllTicketsOrToNone() {
        long a = Api.createTicket("agent1", SUPPORT, "Bulk A");
        long b = Api.createTicket("agent1", SUPPORT, "Bulk B");
        as("agent1").body(Map.of("ticketIds", List.of(a, b), "priority", 4, "state", "open",
                        "note", Map.of("subject", "Bulk", "body", "Handled in bulk"), "seen", true))
                .post("/api/tickets/bulk").then().statusCode(200)
                .body("priority", equalTo(List.of(4, 4))).body("state", equalTo(List.of("open", "open")))
                .body("seen", equalTo(List.of(true, true)));
        long locked = Api.createTicket("agent1", Api.MISC, "Bulk locked by other");
        as("agent3").post("/api/tickets/" + locked + "/lock").then().statusCode(200);
        as("agent1").body(Map.of("ticketIds", List.of(a, locked), "priority", 1)).post("/api/tickets/bulk").then()
                .statusCode(409);
        as("agent1").get("/api/tickets/" + a).then().body("priority", equalTo(4));
    }
}
