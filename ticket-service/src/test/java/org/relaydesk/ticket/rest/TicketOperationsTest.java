package org.relaydesk.ticket.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relaydesk.ticket.rest.Api.MISC;
import static org.relaydesk.ticket.rest.Api.SUPPORT;
import static org.relaydesk.ticket.rest.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.ticket.OwnerChanged;
import org.relaydesk.contracts.ticket.PendingTimeSet;
import org.relaydesk.contracts.ticket.PriorityChanged;
import org.relaydesk.contracts.ticket.TicketLocked;
import org.relaydesk.contracts.ticket.TicketMoved;
import org.relaydesk.contracts.ticket.TicketStateChanged;
import org.relaydesk.contracts.ticket.TicketUnlocked;
import org.relaydesk.contracts.ticket.TicketUpdated;
import org.relaydesk.testsupport.TopicRecorder;

@QuarkusTest
class TicketOperationsTest {

    @Test
    void lockThenCloseUnlocksAndPublishesInOrder() {
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            long id = Api.createTicket("agent1", SUPPORT, "Lock and close");
            as("agent1").post("/api/tickets/" + id + "/lock").then().statusCode(200)
                    .body("locked", equalTo(true)).body("owner", equalTo("agent1")).header("ETag", "\"2\"");
            as("agent1").body(Map.of("note", "Solved by restarting.")).post("/api/tickets/" + id + "/close").then()
                    .statusCode(200).body("state", equalTo("closed successful")).body("locked", equalTo(false))
                    .body("closedAt", notNullValue());
            List<EventEnvelope> events = Events.expect(rec, id, EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED,
                    EventTypes.TICKET_LOCKED, EventTypes.OWNER_CHANGED, EventTypes.ARTICLE_ADDED,
                    EventTypes.TICKET_STATE_CHANGED, EventTypes.TICKET_UNLOCKED);
            assertEquals("agent1", events.get(2).payloadAs(TicketLocked.class).owner());
            assertEquals("agent1", events.get(3).payloadAs(OwnerChanged.class).newOwner());
            TicketStateChanged closed = events.get(5).payloadAs(TicketStateChanged.class);
            assertEquals("new", closed.oldState());
            assertEquals("closed successful", closed.newStateType());
            assertEquals("close", events.get(6).payloadAs(TicketUnlocked.class).reason());
        }
    }

    @Test
    void moveWithNoteAndNewOwner() {
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            long id = Api.createTicket("agent1", SUPPORT, "Move me");
            as("agent1").body(Map.of("queueId", MISC, "note", "Belongs to misc.", "owner", "agent3"))
                    .post("/api/tickets/" + id + "/move").then().statusCode(200)
                    .body("queue", equalTo("Misc")).body("owner", equalTo("agent3"));
            List<EventEnvelope> events = Events.expect(rec, id, EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED,
                    EventTypes.TICKET_MOVED, EventTypes.OWNER_CHANGED, EventTypes.ARTICLE_ADDED);
            TicketMoved moved = events.get(2).payloadAs(TicketMoved.class);
            assertEquals("Support", moved.oldQueueName());
            assertEquals("Misc", moved.newQueueName());
        }
    }

    @Test
    void fieldsPriorityResponsibleCustomerAndHistory() {
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            long id = Api.createTicket("agent1", SUPPORT, "Old title");
            as("agent1").body(Map.of("title", "New title", "typeId", 2)).patch("/api/tickets/" + id).then()
                    .statusCode(200).body("title", equalTo("New title")).body("type", equalTo("Incident"));
            as("agent1").body(Map.of("priority", 5)).put("/api/tickets/" + id + "/priority").then()
                    .statusCode(200).body("priorityName", equalTo("5 very high"));
            as("agent1").body(Map.of("responsible", "agent3")).put("/api/tickets/" + id + "/responsible").then()
                    .statusCode(200).body("responsible", equalTo("agent3"));
            as("agent1").body(Map.of("customerUserId", "customer2", "customerId", "acme")).put("/api/tickets/" + id + "/customer")
                    .then().statusCode(200).body("customerId", equalTo("acme"));
            List<EventEnvelope> events = Events.expect(rec, id, EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED,
                    EventTypes.TICKET_UPDATED, EventTypes.PRIORITY_CHANGED, EventTypes.RESPONSIBLE_CHANGED,
                    EventTypes.CUSTOMER_CHANGED);
            TicketUpdated updated = events.get(2).payloadAs(TicketUpdated.class);
            assertEquals(List.of("title", "type"), updated.changes().stream().map(TicketUpdated.FieldChange::field).toList());
            PriorityChanged priority = events.get(3).payloadAs(PriorityChanged.class);
            assertEquals(3, priority.oldPriority());
            assertEquals(5, priority.newPriority());

            as("agent1").get("/api/tickets/" + id + "/history").then().statusCode(200)
                    .body("type", hasItems("NewTicket", "PhoneCallCustomer", "TitleUpdate", "TypeUpdate", "PriorityUpdate",
                            "ResponsibleUpdate", "CustomerUpdate"))
                    .body("[0].actor", equalTo("agent1"))
                    .body("find { it.type == 'PriorityUpdate' }.oldValue", equalTo("3 normal"))
                    .body("find { it.type == 'PriorityUpdate' }.newValue", equalTo("5 very high"));
        }
    }

    @Test
    void pendingDefaultsToSevenDaysAndStateNeedsPendingTime() {
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            long id = Api.createTicket("agent1", SUPPORT, "Pending");
            as("agent1").body(Map.of("state", "pending reminder")).put("/api/tickets/" + id + "/state").then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("pendingUntil"));
            String until = as("agent1").body("{}").post("/api/tickets/" + id + "/pending").then().statusCode(200)
                    .body("state", equalTo("pending reminder")).extract().jsonPath().getString("pendingUntil");
            Duration ahead = Duration.between(Instant.now(), Instant.parse(until));
            assertTrue(ahead.compareTo(Duration.ofDays(7).minusMinutes(5)) > 0 && ahead.compareTo(Duration.ofDays(7)) <= 0, ahead.toString());
            as("agent1").body(Map.of("state", "open")).put("/api/tickets/" + id + "/state").then().statusCode(200)
                    .body("pendingUntil", nullValue());
            List<EventEnvelope> events = Events.expect(rec, id, EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED,
                    EventTypes.TICKET_STATE_CHANGED, EventTypes.PENDING_TIME_SET, EventTypes.TICKET_STATE_CHANGED,
                    EventTypes.PENDING_TIME_SET);
            assertEquals(Instant.parse(until), events.get(3).payloadAs(PendingTimeSet.class).pendingUntil());
            assertEquals(null, events.get(5).payloadAs(PendingTimeSet.class).pendingUntil());
        }
    }

    @Test
    void staleIfMatchIs412AndNothingChanges() {
        long id = Api.createTicket("agent1", SUPPORT, "Concurrent edit");
        String etag = as("agent1").get("/api/tickets/" + id).then().statusCode(200).extract().header("ETag");
        as("agent1").header("If-Match", etag).body(Map.of("priority", 4)).put("/api/tickets/" + id + "/priority")
                .then().statusCode(200).header("ETag", "\"2\"");
        as("agent1").header("If-Match", etag).body(Map.of("priority", 1)).put("/api/tickets/" + id + "/priority")
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("/problems/stale-version")).body("status", equalTo(412));
        as("agent1").get("/api/tickets/" + id).then().body("priority", equalTo(4)).header("ETag", "\"2\"");
        as("agent1").header("If-Match", "\"2\"").body(Map.of("priority", 1)).put("/api/tickets/" + id + "/priority")
                .then().statusCode(200);
    }

    @Test
    void movingIntoJunkClosesTheTicket() {
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            long id = Api.createTicket("agent1", MISC, "Buy cheap watches");
            as("agent1").body(Map.of("queueId", Api.JUNK)).post("/api/tickets/" + id + "/move").then().statusCode(200)
                    .body("queue", equalTo("Junk")).body("state", equalTo("closed unsuccessful"));
            Events.expect(rec, id, EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED, EventTypes.TICKET_MOVED,
                    EventTypes.TICKET_STATE_CHANGED);
        }
    }

    @Test
    void lockedTicketCanBeReadButNotChangedByOthers() {
        long id = Api.createTicket("agent1", MISC, "Mine");
        as("agent1").post("/api/tickets/" + id + "/lock").then().statusCode(200);
        as("agent3").get("/api/tickets/" + id).then().statusCode(200);
        as("agent3").body(Map.of("priority", 5)).put("/api/tickets/" + id + "/priority").then().statusCode(409)
                .body("type", equalTo("/problems/ticket-locked"));
        as("agent3").body(Api.note("me too")).post("/api/tickets/" + id + "/articles").then().statusCode(409);
        as("agent3").post("/api/tickets/" + id + "/unlock").then().statusCode(409);
        as("admin").post("/api/tickets/" + id + "/unlock").then().statusCode(200).body("locked", equalTo(false));
        as("agent3").body(Map.of("priority", 5)).put("/api/tickets/" + id + "/priority").then().statusCode(200);
    }

    @Test
    void createWithOwnerIsLockedToTheOwner() {
        Map<String, Object> body = Api.phoneTicket(SUPPORT, "Owned");
        body.put("owner", "agent1");
        Api.create("agent1", body).then().statusCode(201).body("owner", equalTo("agent1")).body("locked", equalTo(true));
    }
}
