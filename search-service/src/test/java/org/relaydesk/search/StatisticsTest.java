package org.relaydesk.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.ticket.DynamicFieldChanged;
import org.relaydesk.contracts.ticket.TicketStateChanged;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.TopicPublisher;

/** Statistics over events with known times, read back as JSON, CSV and .xlsx (Apache POI); saved searches. */
@QuarkusTest
class StatisticsTest {

    static final Instant DAY1 = Instant.parse("2020-01-01T08:00:00Z");
    static final Instant DAY2 = Instant.parse("2020-01-02T10:00:00Z");

    @BeforeEach
    void consumerRuns() {
        SearchTestSupport.awaitConsumer();
    }

    @Test
    void predefinedAndComposedReportsCountTheEvents() throws Exception {
        try (TopicPublisher kafka = TopicPublisher.open()) {
            List<TicketEvents> raw = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                TicketEvents t = new TicketEvents(kafka).created("Stats ticket " + i, 2, "Raw", "customer1", DAY1);
                t.publish(EventTypes.DYNAMIC_FIELD_CHANGED, new DynamicFieldChanged(t.id, "IssueType", "dropdown", null,
                        new TextNode(i < 2 ? "Hardware" : "Software"), "agent1"));
                raw.add(t);
            }
            raw.get(0).article("agent", true, "agent1@relaydesk.local", "Re: Stats", "We are on it.", DAY1.plusSeconds(30 * 60));
            raw.get(0).publish(EventTypes.TICKET_STATE_CHANGED, new TicketStateChanged(raw.get(0).id, "new", "new",
                    "closed successful", "closed", null, DAY2, "agent1"));
            new TicketEvents(kafka).created("Stats postmaster", 1, "Postmaster", "customer2", DAY2);
            // a Triage ticket that agent1 may not read
            new TicketEvents(kafka).created("Stats triage", 6, "Triage", "customer2", DAY1);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.user("admin")).contentType(ContentType.JSON)
                        .body(Map.of("created", Map.of("from", "2020-01-01T00:00:00Z", "to", "2020-01-03T00:00:00Z"),
                                "dynamicFields", Map.of("IssueType", List.of("Hardware", "Software"))))
                        .when().post("/api/search/tickets")
                        .then().statusCode(200).body("total", equalTo(3)).body("aggregations.stateType.closed", equalTo(1)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.user("admin")).queryParam("createdFrom", "2020-01-01").queryParam("createdTo", "2020-01-02")
                        .when().get("/api/search/tickets/page")
                        .then().statusCode(200).body("total", equalTo(5)));

        // created/closed per day and queue as Excel, read back with POI
        byte[] xlsx = given().auth().oauth2(KeycloakTokens.user("agent1"))
                .queryParam("from", "2020-01-01").queryParam("to", "2020-01-03").queryParam("format", "xlsx")
                .when().get("/api/statistics/reports/created-closed")
                .then().statusCode(200).header("Content-Type", containsString("spreadsheetml")).extract().asByteArray();
        List<List<Object>> rows = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    assertEquals("day", row.getCell(0).getStringCellValue());
                    assertEquals("created", row.getCell(2).getStringCellValue());
                    continue;
                }
                rows.add(List.of(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue(),
                        (long) row.getCell(2).getNumericCellValue(), (long) row.getCell(3).getNumericCellValue()));
            }
        }
        assertEquals(List.of(
                List.of("2020-01-01", "Raw", 3L, 0L),
                List.of("2020-01-02", "Postmaster", 1L, 0L),
                List.of("2020-01-02", "Raw", 0L, 1L)), rows);

        // agent2 (triage) sees only the Triage ticket
        given().auth().oauth2(KeycloakTokens.user("agent2"))
                .queryParam("from", "2020-01-01").queryParam("to", "2020-01-03")
                .when().get("/api/statistics/reports/created-closed")
                .then().statusCode(200).body("rows", equalTo(List.of(List.of("2020-01-01", "Triage", 1, 0))));

        // counts by a dynamic field, as CSV
        String csv = given().auth().oauth2(KeycloakTokens.user("agent1"))
                .queryParam("field", "IssueType").queryParam("from", "2020-01-01").queryParam("to", "2020-01-03")
                .queryParam("queue", "Raw").queryParam("format", "csv")
                .when().get("/api/statistics/reports/dynamic-field")
                .then().statusCode(200).extract().asString();
        assertEquals("df:IssueType,count\r\nHardware,2\r\nSoftware,1\r\n", csv);

        // first response 30 min, solution 26 h, of the Raw tickets created on day 1
        given().auth().oauth2(KeycloakTokens.user("agent1"))
                .queryParam("from", "2020-01-01").queryParam("to", "2020-01-03").queryParam("queue", "Raw")
                .when().get("/api/statistics/reports/response-times")
                .then().statusCode(200)
                .body("columns", hasItem("avg:firstResponse"))
                .body("rows[0]", equalTo(List.of("Raw", 3, 30.0f, 30.0f, 30.0f, 1560.0f, 1560.0f, 1560.0f)));

        // an admin composes a report, saves and shares it; another agent runs it as xlsx
        Map<String, Object> definition = Map.of("title", "Tickets per queue and month",
                "dimensions", List.of("queue", "created:month"), "metrics", List.of("count"),
                "filter", Map.of("created", Map.of("from", "2020-01-01T00:00:00Z", "to", "2020-01-31T00:00:00Z")));
        int id = given().auth().oauth2(KeycloakTokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "per queue " + System.nanoTime(), "shared", true, "definition", definition))
                .when().post("/api/statistics/saved")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(KeycloakTokens.user("agent1")).contentType(ContentType.JSON).body(definition)
                .when().post("/api/statistics/run").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.user("agent3")).when().get("/api/statistics/saved")
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(KeycloakTokens.user("agent3")).when().get("/api/statistics/saved/" + id + "/results")
                .then().statusCode(200)
                .body("rows", equalTo(List.of(List.of("Postmaster", "2020-01", 1), List.of("Raw", "2020-01", 3))));
        given().auth().oauth2(KeycloakTokens.user("admin")).when().get("/api/statistics/saved/" + id + "/results")
                .then().statusCode(200).body("rows", hasSize(3));
        given().auth().oauth2(KeycloakTokens.user("admin")).queryParam("format", "html")
                .when().get("/api/statistics/saved/" + id + "/results")
                .then().statusCode(200).body(containsString("<table>"));
    }

    @Test
    void savedSearchesBelongToTheirAgent() {
        String name = "my open " + System.nanoTime();
        int id = given().auth().oauth2(KeycloakTokens.user("agent1")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "query", Map.of("q", "Stats", "queue", List.of("Raw"), "size", 2)))
                .when().post("/api/search/saved")
                .then().statusCode(201).body("name", equalTo(name)).extract().path("id");
        given().auth().oauth2(KeycloakTokens.user("agent1")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "query", Map.of("q", "x")))
                .when().post("/api/search/saved").then().statusCode(409);
        given().auth().oauth2(KeycloakTokens.user("agent1")).when().get("/api/search/saved")
                .then().statusCode(200).body("name", hasItem(name));
        given().auth().oauth2(KeycloakTokens.user("agent1")).when().get("/api/search/saved/" + id + "/results")
                .then().statusCode(200).body("hits.size()", org.hamcrest.Matchers.lessThanOrEqualTo(2));
        given().auth().oauth2(KeycloakTokens.user("agent3")).when().get("/api/search/saved/" + id + "/results")
                .then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.user("agent1")).when().delete("/api/search/saved/" + id)
                .then().statusCode(204);
        given().auth().oauth2(KeycloakTokens.user("agent1")).when().get("/api/search/saved/" + id)
                .then().statusCode(404);
    }
}
