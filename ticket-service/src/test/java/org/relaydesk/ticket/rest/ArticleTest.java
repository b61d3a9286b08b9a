package org.relaydesk.ticket.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relaydesk.ticket.rest.Api.SUPPORT;
import static org.relaydesk.ticket.rest.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.ticket.ArticleAdded;
import org.relaydesk.contracts.ticket.ArticleSeen;
import org.relaydesk.contracts.ticket.TicketStateChanged;
import org.relaydesk.testsupport.TopicRecorder;

@QuarkusTest
class ArticleTest {

    @Test
    void internalNoteIsNotVisibleForTheCustomer() {
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            long id = Api.createTicket("agent1", SUPPORT, "Note");
            as("agent1").body(Api.note("Internal thoughts")).post("/api/tickets/" + id + "/articles").then()
                    .statusCode(201).body("kind", equalTo("note")).body("channel", equalTo("note"))
                    .body("visibleForCustomer", equalTo(false)).body("seen", equalTo(true));
            List<EventEnvelope> events = Events.expect(rec, id, EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED,
                    EventTypes.ARTICLE_ADDED);
            ArticleAdded note = events.get(2).payloadAs(ArticleAdded.class);
            assertFalse(note.visibleForCustomer());
            assertFalse(note.outbound());
            assertEquals("agent", note.senderType());
        }
    }

    @Test
    void replyIsRenderedWithSalutationTemplateAndSignatureAndQueuedForSending() {
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            long id = Api.createTicket("agent1", SUPPORT, "Reply please");
            String number = as("agent1").get("/api/tickets/" + id).jsonPath().getString("number");
            as("agent1").body(Map.of("kind", "reply", "templateId", 2, "body", "Please restart the printer.\n"))
                    .post("/api/tickets/" + id + "/articles").then().statusCode(201)
                    .body("kind", equalTo("reply"))
                    .body("outbound", equalTo(true))
                    .body("deliveryStatus", equalTo("queued"))
                    .body("subject", equalTo("RE: [Ticket#" + number + "] Reply please"))
                    .body("from", equalTo("\"RelayDesk Help Desk\" <helpdesk@relaydesk.local>"))
                    .body("to", equalTo("customer1@example.com"))
                    .body("bodyText", startsWith("Dear Chris Customer,"))
                    .body("bodyText", containsString("for ticket " + number))
                    .body("bodyText", containsString("Please restart the printer."))
                    .body("bodyText", containsString("Alice Agent\nSupport - RelayDesk"))
                    .body("messageId", containsString("@relaydesk.local>"));
            List<EventEnvelope> events = Events.expect(rec, id, EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED,
                    EventTypes.ARTICLE_ADDED);
            ArticleAdded reply = events.get(2).payloadAs(ArticleAdded.class);
            assertTrue(reply.outbound());
            assertEquals("queued", reply.deliveryStatus());
            assertEquals("customer1@example.com", reply.to());
            assertEquals(number, reply.ticketNumber());
        }
    }

    @Test
    void templateMustBelongToTheQueue() {
        long id = Api.createTicket("agent1", SUPPORT, "Template");
        as("agent1").body(Map.of("kind", "reply", "templateId", 999, "body", "x"))
                .post("/api/tickets/" + id + "/articles").then().statusCode(422)
                .body("errors[0].field", equalTo("templateId"));
    }

    @Test
    void forwardAndBounceNeedARecipientAndAreOutbound() {
        long id = Api.createTicket("agent1", SUPPORT, "Forward me");
        as("agent1").body(Map.of("kind", "forward", "body", "FYI")).post("/api/tickets/" + id + "/articles")
                .then().statusCode(422).body("errors[0].field", equalTo("to"));
        as("agent1").body(Map.of("kind", "forward", "to", "expert@example.net", "body", "FYI"))
                .post("/api/tickets/" + id + "/articles").then().statusCode(201)
                .body("outbound", equalTo(true)).body("visibleForCustomer", equalTo(false))
                .body("bodyText", containsString("The customer called about: Forward me"));
        Map<String, Object> mail = new HashMap<>(Api.phoneTicket(SUPPORT, "Bounce me"));
        mail.put("channel", "email");
        mail.put("article", Map.of("senderType", "customer", "from", "someone@example.com", "subject", "Hi",
                "body", "Wrong address", "messageId", "<bounce-" + System.nanoTime() + "@example.com>"));
        long mailTicket = Api.create("agent1", mail).then().statusCode(201).extract().jsonPath().getLong("id");
        as("agent1").body(Map.of("kind", "bounce", "to", "right@example.org"))
                .post("/api/tickets/" + mailTicket + "/articles").then().statusCode(201)
                .body("kind", equalTo("bounce")).body("from", equalTo("someone@example.com"))
                .body("bodyText", equalTo("Wrong address")).body("outbound", equalTo(true));
    }

    @Test
    void attachmentsAreStoredDownloadedAndLimitedInSize() {
        long id = Api.createTicket("agent1", SUPPORT, "Attachments");
        byte[] content = "hello, attachment".getBytes(StandardCharsets.UTF_8);
        var added = as("agent1").body(Map.of("kind", "note", "body", "see file", "attachments",
                        List.of(Map.of("filename", "hello.txt", "contentType", "text/plain",
                                "contentBase64", Base64.getEncoder().encodeToString(content)))))
                .post("/api/tickets/" + id + "/articles").then().statusCode(201)
                .body("attachments", hasSize(1)).body("attachments[0].size", equalTo(content.length))
                .extract().jsonPath();
        long articleId = added.getLong("id");
        long attachmentId = added.getLong("attachments[0].id");
        byte[] downloaded = as("agent1").accept("*/*")
                .get("/api/tickets/" + id + "/articles/" + articleId + "/attachments/" + attachmentId)
                .then().statusCode(200).contentType(startsWith("text/plain"))
                .header("Content-Disposition", containsString("hello.txt"))
                .extract().asByteArray();
        assertArrayEquals(content, downloaded);

        byte[] tooBig = new byte[65537];
        as("agent1").body(Map.of("kind", "note", "body", "big", "attachments",
                        List.of(Map.of("filename", "big.bin", "contentBase64", Base64.getEncoder().encodeToString(tooBig)))))
                .post("/api/tickets/" + id + "/articles").then().statusCode(422)
                .body("errors[0].field", equalTo("attachments[0].contentBase64"));
        as("agent1").get("/api/tickets/" + id + "/articles").then().body("", hasSize(2));
    }

    @Test
    void htmlBodiesAreSanitised() {
        long id = Api.createTicket("agent1", SUPPORT, "HTML");
        as("agent1").body(Map.of("kind", "note", "bodyHtml", "<p onclick=\"steal()\">Hi <b>there</b><script>alert(1)</script></p>"))
                .post("/api/tickets/" + id + "/articles").then().statusCode(201)
                .body("bodyHtml", not(containsString("script")))
                .body("bodyHtml", not(containsString("onclick")))
                .body("bodyHtml", containsString("<b>there</b>"))
                .body("bodyText", equalTo("Hi there"));
    }

    @Test
    void articleWithNextStateReopensAClosedTicket() {
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            long id = Api.createTicket("agent1", SUPPORT, "Reopen");
            as("agent1").body("{}").post("/api/tickets/" + id + "/close").then().statusCode(200);
            as("agent1").body(Map.of("kind", "phone", "body", "Customer called again", "nextState", "open"))
                    .post("/api/tickets/" + id + "/articles").then().statusCode(201);
            as("agent1").get("/api/tickets/" + id).then().body("state", equalTo("open")).body("closedAt", equalTo(null));
            List<EventEnvelope> events = Events.expect(rec, id, EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED,
                    EventTypes.TICKET_STATE_CHANGED, EventTypes.ARTICLE_ADDED, EventTypes.TICKET_STATE_CHANGED);
            assertEquals("open", events.get(4).payloadAs(TicketStateChanged.class).newState());
        }
    }

    @Test
    void customerFollowUpReopensAClosedTicket() {
        long id = Api.createTicket("agent1", SUPPORT, "Follow-up");
        as("agent1").body("{}").post("/api/tickets/" + id + "/close").then().statusCode(200);
        as("admin").body(Map.of("kind", "email", "senderType", "customer", "from", "customer1@example.com",
                        "subject", "Still broken", "body", "It broke again", "messageId", "<fu-" + System.nanoTime() + "@example.com>"))
                .post("/api/tickets/" + id + "/articles").then().statusCode(201).body("senderType", equalTo("customer"));
        as("agent1").get("/api/tickets/" + id).then().body("state", equalTo("open"));
    }

    @Test
    void aFollowUpMailIsAddedOnceForItsMessageId() {
        long id = Api.createTicket("agent1", SUPPORT, "Follow-up twice");
        Map<String, Object> mail = Map.of("kind", "email", "senderType", "customer", "from", "customer1@example.com",
                "body", "Same mail twice", "messageId", "<twice-" + System.nanoTime() + "@example.com>");
        long first = as("admin").body(mail).post("/api/tickets/" + id + "/articles").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long again = as("admin").body(mail).post("/api/tickets/" + id + "/articles").then().statusCode(200)
                .extract().jsonPath().getLong("id");
        assertEquals(first, again);
        as("agent1").get("/api/tickets/" + id + "/articles").then().body("", hasSize(2));
    }

    @Test
    void seenAndUnseenPerArticleAndTicket() {
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            long id = Api.createTicket("agent1", SUPPORT, "Seen");
            long articleId = as("agent1").get("/api/tickets/" + id).jsonPath().getLong("articles[0].id");
            as("admin").get("/api/tickets/" + id).then().body("seen", equalTo(false)).body("articles[0].seen", equalTo(false));
            as("admin").put("/api/tickets/" + id + "/articles/" + articleId + "/seen").then().statusCode(204);
            as("admin").get("/api/tickets/" + id).then().body("seen", equalTo(true)).body("articles[0].seen", equalTo(true));
            as("admin").delete("/api/tickets/" + id + "/seen").then().statusCode(204);
            as("admin").get("/api/tickets/" + id).then().body("seen", equalTo(false)).body("articles[0].seen", equalTo(false));
            as("admin").put("/api/tickets/" + id + "/seen").then().statusCode(204);
            List<EventEnvelope> events = Events.expect(rec, id, EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED,
                    EventTypes.ARTICLE_SEEN, EventTypes.ARTICLE_SEEN, EventTypes.ARTICLE_SEEN);
            ArticleSeen unseen = events.get(3).payloadAs(ArticleSeen.class);
            assertEquals(articleId, unseen.articleId());
            assertEquals("admin", unseen.agent());
            assertFalse(unseen.seen());
        }
    }

    @Test
    void inboundMailIsIdempotentOnItsMessageId() {
        String messageId = "<mail-" + System.nanoTime() + "@example.com>";
        Map<String, Object> mail = new HashMap<>(Api.phoneTicket(SUPPORT, "Mail ticket"));
        mail.put("channel", "email");
        mail.remove("customerUserId");
        mail.put("article", Map.of("senderType", "customer", "from", "Someone <someone@example.com>", "subject", "Mail ticket",
                "body", "Hello by mail", "messageId", messageId));
        long first = Api.create("admin", mail).then().statusCode(201).extract().jsonPath().getLong("id");
        long second = Api.create("admin", mail).then().statusCode(200).extract().jsonPath().getLong("id");
        assertEquals(first, second);
    }
}
