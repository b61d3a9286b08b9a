package org.relaydesk.ticket.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.relaydesk.ticket.rest.Api.SUPPORT;
import static org.relaydesk.ticket.rest.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input is a 400/422 problem naming the field, never a 500 and never a partial write. */
@QuarkusTest
class ValidationTest {

    private static Map<String, Object> ticket() {
        return new HashMap<>(Api.phoneTicket(SUPPORT, "Validation"));
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        Map<String, Object> body = ticket();
        body.remove("title");
        body.remove("queueId");
        Api.create("agent1", body).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation")).body("title", notNullValue()).body("status", equalTo(400))
                .body("detail", notNullValue())
                .body("errors.field", hasItems("title", "queueId"));
    }

    @Test
    void nestedFieldsAreNamedWithTheirPath() {
        Map<String, Object> body = ticket();
        body.put("article", Map.of("subject", "x".repeat(600), "body", "b"));
        Api.create("agent1", body).then().statusCode(400).body("errors[0].field", equalTo("article.subject"));
    }

    @Test
    void wrongTypesAndUnknownEnumValuesAre400() {
        Map<String, Object> body = ticket();
        body.put("channel", "pigeon");
        Api.create("agent1", body).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("channel"));
        body = ticket();
        body.put("priority", "urgent");
        Api.create("agent1", body).then().statusCode(400).body("errors[0].field", equalTo("priority"));
        as("agent1").body("{\"title\": ").post("/api/tickets").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }

    @Test
    void unknownReferencesAre422() {
        Map<String, Object> body = ticket();
        body.put("queueId", 99999);
        Api.create("agent1", body).then().statusCode(422).body("errors[0].field", equalTo("queueId"));
        body = ticket();
        body.put("state", "sleeping");
        Api.create("agent1", body).then().statusCode(422).body("errors[0].field", equalTo("state"));
        body = ticket();
        body.put("state", "pending reminder");
        Api.create("agent1", body).then().statusCode(422).body("errors[0].field", equalTo("pendingUntil"));
        body = ticket();
        body.put("dynamicFields", Map.of("NoSuchField", "x"));
        Api.create("agent1", body).then().statusCode(422).body("errors[0].field", equalTo("dynamicFields.NoSuchField"));
    }

    @Test
    void aFailedCreateLeavesNothingBehind() {
        String title = "Half written " + System.nanoTime();
        Map<String, Object> body = ticket();
        body.put("title", title);
        body.put("dynamicFields", Map.of("NoSuchField", "x"));
        Api.create("agent1", body).then().statusCode(422);
        as("agent1").queryParam("queueId", SUPPORT).queryParam("limit", 200).get("/api/tickets").then()
                .body("items.findAll { it.title == '" + title + "' }.size()", equalTo(0));
    }

    @Test
    void unknownTicketsAre404AndBadIfMatchIs400() {
        as("agent1").get("/api/tickets/999999999999").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
        long id = Api.createTicket("agent1", SUPPORT, "If-Match");
        as("agent1").header("If-Match", "yesterday").body(Map.of("priority", 2)).put("/api/tickets/" + id + "/priority")
                .then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
        as("agent1").body(Map.of("priority", 9)).put("/api/tickets/" + id + "/priority").then().statusCode(400)
                .body("errors[0].field", equalTo("priority"));
        as("agent1").body(Map.of("clear", List.of("title"))).patch("/api/tickets/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("clear[0]"));
    }
}
