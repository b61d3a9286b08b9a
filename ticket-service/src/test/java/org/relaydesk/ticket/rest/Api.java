package org.relaydesk.ticket.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.relaydesk.testsupport.KeycloakTokens;

/** Test helpers: calls as a demo user with a real Keycloak token, and the seeded reference data. */
final class Api {

    static final int POSTMASTER = 1;
    static final int RAW = 2;
    static final int JUNK = 3;
    static final int MISC = 4;
    static final int SUPPORT = 5;
    static final int TRIAGE = 6;

    private Api() {
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(KeycloakTokens.user(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A phone ticket body in the queue, with a customer-visible first article. */
    static Map<String, Object> phoneTicket(int queueId, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("queueId", queueId);
        body.put("channel", "phone");
        body.put("customerUserId", "customer1");
        body.put("article", Map.of("subject", title, "body", "The customer called about: " + title));
        return body;
    }

    static Response create(String user, Map<String, Object> body) {
        return as(user).body(body).post("/api/tickets");
    }

    /** Creates a phone ticket and returns its id. */
    static long createTicket(String user, int queueId, String title) {
        return create(user, phoneTicket(queueId, title)).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Map<String, Object> note(String body) {
        return Map.of("kind", "note", "subject", "Note", "body", body);
    }

    static List<String> types(List<org.relaydesk.contracts.EventEnvelope> events) {
        return events.stream().map(org.relaydesk.contracts.EventEnvelope::type).toList();
    }
}
