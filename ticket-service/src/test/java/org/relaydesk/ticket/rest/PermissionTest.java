package org.relaydesk.ticket.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.relaydesk.ticket.rest.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One test per permission kind. agent3 is only in the Keycloak group "users"; each test gives
 * "users" exactly the permissions under test on a fresh group and queue, and checks that the
 * operations that need them work and the ones that need something else are 403.
 */
@QuarkusTest
class PermissionTest {

    private static final String AGENT = "agent3";

    private static long ticketIn(int queue) {
        return Api.createTicket("admin", queue, "Permission test");
    }

    @Test
    void withoutAnyPermissionTheTicketIsInvisible() {
        int queue = Admin.queueInNewGroup("triage", "rw");
        long id = ticketIn(queue);
        as(AGENT).get("/api/tickets/" + id).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"));
        as(AGENT).get("/api/tickets?queueId=" + queue).then().statusCode(200).body("items.id", not(hasItem((int) id)));
    }

    @Test
    void roAllowsReadingOnly() {
        int queue = Admin.queueInNewGroup("users", "ro");
        long id = ticketIn(queue);
        as(AGENT).get("/api/tickets/" + id).then().statusCode(200);
        as(AGENT).get("/api/tickets/" + id + "/history").then().statusCode(200);
        as(AGENT).get("/api/tickets?queueId=" + queue).then().statusCode(200).body("items.id", hasItem((int) id));
        as(AGENT).body(Api.note("no")).post("/api/tickets/" + id + "/articles").then().statusCode(403);
        as(AGENT).post("/api/tickets/" + id + "/lock").then().statusCode(403);
        as(AGENT).body(Map.of("priority", 1)).put("/api/tickets/" + id + "/priority").then().statusCode(403);
    }

    @Test
    void createAllowsCreatingButNotReading() {
        int queue = Admin.queueInNewGroup("users", "create");
        long id = Api.createTicket(AGENT, queue, "Created by agent3");
        as(AGENT).get("/api/tickets/" + id).then().statusCode(403);
        int other = Admin.queueInNewGroup("users", "ro");
        Api.create(AGENT, Api.phoneTicket(other, "Not allowed")).then().statusCode(403);
    }

    @Test
    void noteAllowsNotesOnly() {
        int queue = Admin.queueInNewGroup("users", "note");
        long id = ticketIn(queue);
        as(AGENT).body(Api.note("allowed")).post("/api/tickets/" + id + "/articles").then().statusCode(201);
        as(AGENT).body(Map.of("kind", "phone", "body", "not allowed")).post("/api/tickets/" + id + "/articles")
                .then().statusCode(403);
        as(AGENT).body(Map.of("state", "open")).put("/api/tickets/" + id + "/state").then().statusCode(403);
    }

    @Test
    void ownerAllowsSettingTheOwner() {
        int queue = Admin.queueInNewGroup("users", "owner");
        long id = ticketIn(queue);
        as(AGENT).body(Map.of("owner", "agent1")).put("/api/tickets/" + id + "/owner").then().statusCode(200)
                .body("owner", equalTo("agent1"));
        as(AGENT).body(Map.of("priority", 1)).put("/api/tickets/" + id + "/priority").then().statusCode(403);
    }

    @Test
    void priorityAllowsSettingThePriority() {
        int queue = Admin.queueInNewGroup("users", "priority");
        long id = ticketIn(queue);
        as(AGENT).body(Map.of("priority", 1)).put("/api/tickets/" + id + "/priority").then().statusCode(200)
                .body("priority", equalTo(1));
        as(AGENT).body(Map.of("owner", "agent1")).put("/api/tickets/" + id + "/owner").then().statusCode(403);
    }

    @Test
    void moveIntoIsNeededOnBothQueues() {
        int from = Admin.queueInNewGroup("users", "move_into");
        int to = Admin.queueInNewGroup("users", "move_into");
        int closed = Admin.queueInNewGroup("users", "ro");
        long id = ticketIn(from);
        as(AGENT).body(Map.of("queueId", closed)).post("/api/tickets/" + id + "/move").then().statusCode(403);
        as(AGENT).body(Map.of("queueId", to)).post("/api/tickets/" + id + "/move").then().statusCode(200)
                .body("queueId", equalTo(to));
    }

    @Test
    void rwAllowsEverything() {
        int queue = Admin.queueInNewGroup("users", "rw");
        long id = ticketIn(queue);
        as(AGENT).get("/api/tickets/" + id).then().statusCode(200);
        as(AGENT).post("/api/tickets/" + id + "/lock").then().statusCode(200);
        as(AGENT).body(Map.of("priority", 2)).put("/api/tickets/" + id + "/priority").then().statusCode(200);
        as(AGENT).body(Map.of("owner", "agent3")).put("/api/tickets/" + id + "/owner").then().statusCode(200);
        as(AGENT).body(Api.note("fine")).post("/api/tickets/" + id + "/articles").then().statusCode(201);
        as(AGENT).body(Map.of("state", "open")).put("/api/tickets/" + id + "/state").then().statusCode(200);
        as(AGENT).body(Map.of("kind", "reply", "body", "Hello")).post("/api/tickets/" + id + "/articles").then().statusCode(201);
    }

    @Test
    void adminMayDoEverythingAndOnlyAdminsReachTheAdminApi() {
        int queue = Admin.queueInNewGroup("triage", "ro");
        long id = ticketIn(queue);
        as("admin").body(Map.of("priority", 5)).put("/api/tickets/" + id + "/priority").then().statusCode(200);
        as("agent1").get("/api/admin/queues").then().statusCode(403).contentType("application/problem+json");
        as("customer1").get("/api/tickets/" + id).then().statusCode(403);
    }

    @Test
    void missingOrBrokenTokenIs401Problem() {
        io.restassured.RestAssured.given().get("/api/tickets").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        io.restassured.RestAssured.given().auth().oauth2("not-a-token").get("/api/tickets").then().statusCode(401);
    }
}
