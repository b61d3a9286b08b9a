package org.relaydesk.ticket.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relaydesk.ticket.rest.Api.SUPPORT;
import static org.relaydesk.ticket.rest.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.ticket.DynamicFieldChanged;
import org.relaydesk.testsupport.TopicRecorder;

@QuarkusTest
class AdminTest {

    @Test
    void seedsAreThere() {
        as("admin").get("/api/admin/states").then().statusCode(200).body("name", hasItems("new", "open",
                "pending reminder", "pending auto close+", "pending auto close-", "closed successful",
                "closed unsuccessful", "merged", "removed"));
        as("admin").get("/api/admin/priorities").then().body("name", equalTo(List.of("1 very low", "2 low", "3 normal",
                "4 high", "5 very high")));
        as("admin").get("/api/admin/queues").then().body("name", hasItems("Postmaster", "Raw", "Junk", "Misc", "Support", "Triage"))
                .body("find { it.name == 'Support' }.id", equalTo(SUPPORT));
        as("admin").get("/api/admin/groups").then().body("name", hasItems("users", "support-engineers", "triage"));
        as("admin").get("/api/admin/auto-responses").then().body("type", hasItems("new_ticket", "follow_up", "reject"));
    }

    @Test
    void crudOfAStateWithConflictsAndNotFound() {
        String name = Admin.unique("waiting");
        int id = as("admin").body(Map.of("name", name, "type", "pending reminder")).post("/api/admin/states").then()
                .statusCode(201).body("type", equalTo("pending reminder")).extract().jsonPath().getInt("id");
        as("admin").body(Map.of("name", name, "type", "open")).post("/api/admin/states").then().statusCode(409)
                .contentType("application/problem+json");
        as("admin").body(Map.of("name", name, "type", "nonsense")).put("/api/admin/states/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("type"));
        as("admin").body(Map.of("name", name + "-2", "type", "pending reminder", "valid", false)).put("/api/admin/states/" + id)
                .then().statusCode(200).body("valid", equalTo(false));
        as("admin").delete("/api/admin/states/" + id).then().statusCode(204);
        as("admin").get("/api/admin/states/" + id).then().statusCode(404);
    }

    @Test
    void referencedRowsCannotBeDeleted() {
        as("admin").delete("/api/admin/queues/" + SUPPORT).then().statusCode(409);
    }

    @Test
    void customersAndCustomerUsersFeedTheCustomerDetail() {
        String customerId = Admin.unique("acme");
        as("admin").body(Map.of("customerId", customerId, "name", "ACME Inc.", "city", "Springfield", "country", "US"))
                .post("/api/admin/customers").then().statusCode(201);
        String login = Admin.unique("wile");
        as("admin").body(Map.of("login", login, "email", login + "@acme.example", "firstName", "Wile", "lastName", "Coyote",
                "customerId", customerId)).post("/api/admin/customer-users").then().statusCode(201);
        as("admin").body(Map.of("login", login, "email", "not-an-email")).put("/api/admin/customer-users/" + login)
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
        int service = as("admin").body(Map.of("name", Admin.unique("printing"))).post("/api/admin/services").then()
                .statusCode(201).extract().jsonPath().getInt("id");
        int sla = as("admin").body(Map.of("name", Admin.unique("gold"), "serviceId", service)).post("/api/admin/slas").then()
                .statusCode(201).extract().jsonPath().getInt("id");

        Map<String, Object> body = Api.phoneTicket(SUPPORT, "Customer detail open");
        body.put("customerUserId", login);
        body.put("serviceId", service);
        body.put("slaId", sla);
        long open = Api.create("agent1", body).then().statusCode(201).body("customerId", equalTo(customerId))
                .body("sla", equalTo(as("admin").get("/api/admin/slas/" + sla).jsonPath().getString("name")))
                .extract().jsonPath().getLong("id");
        body.put("title", "Customer detail closed");
        long closed = Api.create("agent1", body).then().statusCode(201).extract().jsonPath().getLong("id");
        as("agent1").body("{}").post("/api/tickets/" + closed + "/close").then().statusCode(200);
        body.put("title", "Customer detail pending");
        body.remove("serviceId");
        body.remove("slaId");
        long pending = Api.create("agent1", body).then().statusCode(201).extract().jsonPath().getLong("id");
        as("agent1").body("{}").post("/api/tickets/" + pending + "/pending").then().statusCode(200);

        as("agent1").get("/api/customers/" + customerId + "/detail").then().statusCode(200)
                .body("name", equalTo("ACME Inc."))
                .body("openTickets", equalTo(2)).body("closedTickets", equalTo(1))
                .body("services", hasSize(1)).body("services[0].open", equalTo(1)).body("services[0].closed", equalTo(1))
                .body("open.id", hasItems((int) open, (int) pending))
                .body("pendingReminders.id", equalTo(List.of((int) pending)))
                .body("customerUsers.login", equalTo(List.of(login)));
        as("agent2").get("/api/customers/" + customerId + "/detail").then().statusCode(200).body("open", hasSize(0));
        as("agent1").get("/api/customers/" + Admin.unique("nobody") + "/detail").then().statusCode(404);
    }

    @Test
    void dynamicFieldsAreDefinedValidatedAndPublished() {
        String name = "IssueType" + System.nanoTime();
        as("admin").body(Map.of("name", name, "label", "Issue type", "type", "dropdown")).post("/api/admin/dynamic-fields")
                .then().statusCode(422).body("errors[0].field", equalTo("options"));
        as("admin").body(Map.of("name", name, "label", "Issue type", "type", "dropdown", "options", List.of("Bug", "Question")))
                .post("/api/admin/dynamic-fields").then().statusCode(201);
        String flag = "Vip" + System.nanoTime();
        as("admin").body(Map.of("name", flag, "label", "VIP", "type", "checkbox")).post("/api/admin/dynamic-fields")
                .then().statusCode(201);
        try (TopicRecorder rec = TopicRecorder.open(Topics.TICKET_EVENTS)) {
            long id = Api.createTicket("agent1", SUPPORT, "Dynamic fields");
            as("agent1").body(Map.of("dynamicFields", Map.of(name, "Feature"))).patch("/api/tickets/" + id).then()
                    .statusCode(422).body("errors[0].field", equalTo("dynamicFields." + name));
            as("agent1").body(Map.of("dynamicFields", Map.of(name, "Bug", flag, true))).patch("/api/tickets/" + id).then()
                    .statusCode(200).body("dynamicFields." + name, equalTo("Bug")).body("dynamicFields." + flag, equalTo(true));
            List<EventEnvelope> events = Events.expect(rec, id, EventTypes.TICKET_CREATED, EventTypes.ARTICLE_ADDED,
                    EventTypes.DYNAMIC_FIELD_CHANGED, EventTypes.DYNAMIC_FIELD_CHANGED);
            DynamicFieldChanged changed = events.subList(2, 4).stream().map(e -> e.payloadAs(DynamicFieldChanged.class))
                    .filter(c -> c.field().equals(name)).findFirst().orElseThrow();
            assertEquals("dropdown", changed.fieldType());
            assertEquals("Bug", changed.newValue().asText());
            assertTrue(changed.oldValue() == null || changed.oldValue().isNull());
        }
    }

    @Test
    void groupPermissionsCanBeReadBack() {
        int group = Admin.group(Admin.unique("grp"));
        Admin.grant(group, "users", "ro", "note");
        as("admin").get("/api/admin/groups/" + group + "/permissions").then().statusCode(200)
                .body("[0].keycloakGroup", equalTo("users")).body("[0].permissions", hasItems("ro", "note"));
        as("admin").get("/api/admin/templates").then().body("name", hasItem("empty answer"));
    }
}
