package org.relaydesk.ticket.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relaydesk.ticket.rest.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TicketListTest {

    @Test
    void filtersSortAndCursorPaging() {
        int queue = Admin.queueInNewGroup("users", "rw");
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(Api.createTicket("agent3", queue, "List " + i));
        }
        as("agent3").body(Map.of("priority", 5)).put("/api/tickets/" + created.get(2) + "/priority").then().statusCode(200);
        as("agent3").post("/api/tickets/" + created.get(3) + "/lock").then().statusCode(200);

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = as("agent3").queryParam("queueId", queue).queryParam("sort", "id").queryParam("limit", 3)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/tickets").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", Long.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(created, seen);

        as("agent3").queryParam("queueId", queue).queryParam("sort", "-id").get("/api/tickets").then()
                .body("items[0].id", equalTo(created.get(6).intValue())).body("nextCursor", nullValue());
        as("agent3").queryParam("queueId", queue).queryParam("priority", 5).get("/api/tickets").then()
                .body("items", hasSize(1)).body("items[0].id", equalTo(created.get(2).intValue()));
        as("agent3").queryParam("queueId", queue).queryParam("locked", true).queryParam("owner", "agent3").get("/api/tickets")
                .then().body("items", hasSize(1)).body("items[0].id", equalTo(created.get(3).intValue()));
        as("agent3").queryParam("queueId", queue).queryParam("stateType", "new").queryParam("customerId", "nobody")
                .get("/api/tickets").then().body("items", hasSize(0));
        as("agent3").queryParam("queueId", queue).queryParam("state", "new").queryParam("limit", 2).get("/api/tickets")
                .then().body("items", hasSize(2)).body("items.state", everyItem(equalTo("new"))).body("nextCursor", notNullValue());
    }

    @Test
    void badQueryParametersAre400NamingTheParameter() {
        as("agent1").queryParam("priority", "high").get("/api/tickets").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("priority"));
        as("agent1").queryParam("stateType", "sleeping").get("/api/tickets").then().statusCode(400)
                .body("errors[0].field", equalTo("stateType"));
        as("agent1").queryParam("sort", "colour").get("/api/tickets").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        as("agent1").queryParam("cursor", "!!!").get("/api/tickets").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as("agent1").queryParam("limit", 100000).get("/api/tickets").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }
}
