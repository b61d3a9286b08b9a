package org.relaydesk.escalation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.relaydesk.testsupport.KeycloakTokens;

/** The calendar admin API through HTTP, with real Keycloak tokens and PostgreSQL (local stack). */
@QuarkusTest
class CalendarResourceTest {

    private static final String OFFICE = """
            {"name": "NL office", "timeZone": "Europe/Amsterdam", "default": true,
             "week": {"MONDAY": [{"start": "09:00", "end": "17:00"}],
                      "TUESDAY": [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}]},
             "holidays": [{"date": "12-25", "name": "Christmas"}, {"date": "2025-03-11"}]}
            """;

    private static String admin() {
        return KeycloakTokens.user("admin");
    }

    @Test
    void createReadPreviewAndDelete() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(OFFICE)
                .put("/api/calendars/test-office")
                .then().statusCode(201).body("id", equalTo("test-office")).body("default", equalTo(true))
                .body("week.TUESDAY[1].start", equalTo("13:00"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(OFFICE)
                .put("/api/calendars/test-office")
                .then().statusCode(200);
        given().auth().oauth2(admin()).get("/api/calendars")
                .then().statusCode(200).body("id", hasItem("test-office"));
        // Tuesday 11:30 + 60 business minutes skips the lunch break; Tuesday 2025-03-11 is a holiday
        given().auth().oauth2(admin())
                .queryParam("start", "2025-03-04T11:30:00+01:00").queryParam("minutes", 60)
                .get("/api/calendars/test-office/due")
                .then().statusCode(200).body("due", equalTo("2025-03-04T13:30:00+01:00"));
        given().auth().oauth2(admin())
                .queryParam("start", "2025-03-10T16:30:00+01:00").queryParam("minutes", 60)
                .get("/api/calendars/test-office/due")
                .then().statusCode(200).body("due", equalTo("2025-03-17T09:30:00+01:00"));
        // the default calendar cannot be deleted until another one is the default
        given().auth().oauth2(admin()).delete("/api/calendars/test-office").then().statusCode(409);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"UTC Sundays\", \"timeZone\": \"UTC\", \"default\": true,"
                        + " \"week\": {\"SUNDAY\": [{\"start\": \"00:00\", \"end\": \"24:00\"}]}}")
                .put("/api/calendars/test-utc")
                .then().statusCode(201);
        given().auth().oauth2(admin()).get("/api/calendars/test-office").then().statusCode(200)
                .body("default", equalTo(false));
        given().auth().oauth2(admin()).delete("/api/calendars/test-office").then().statusCode(204);
        given().auth().oauth2(admin()).get("/api/calendars/test-office").then().statusCode(404);
    }

    @Test
    void invalidCalendarsAreRejected() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"timeZone\": \"Mars/Olympus\", \"week\": {\"MONDAY\": [{\"start\": \"09:00\", \"end\": \"17:00\"}]}}")
                .put("/api/calendars/test-bad")
                .then().statusCode(400).body("error", containsString("time zone"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"timeZone\": \"UTC\", \"week\": {}}")
                .put("/api/calendars/test-bad")
                .then().statusCode(400).body("error", containsString("no working windows"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"timeZone\": \"UTC\", \"week\": {\"MONDAY\": [{\"start\": \"09:00\", \"end\": \"12:00\"},"
                        + " {\"start\": \"11:00\", \"end\": \"13:00\"}]}}")
                .put("/api/calendars/test-bad")
                .then().statusCode(400).body("error", containsString("overlap"));
    }

    @Test
    void onlyAdminsChangeCalendars() {
        given().auth().oauth2(KeycloakTokens.user("agent1")).contentType(ContentType.JSON).body(OFFICE)
                .put("/api/calendars/test-agent")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(OFFICE).put("/api/calendars/test-agent").then().statusCode(401);
    }
}
