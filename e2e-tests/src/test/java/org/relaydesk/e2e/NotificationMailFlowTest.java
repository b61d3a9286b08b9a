package org.relaydesk.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.Mailboxes;
import org.relaydesk.testsupport.Platform;

/**
 * Agent notifications across ticket-service, Kafka, the notification-service, the mail-gateway and
 * GreenMail: a new ticket in a queue reaches, by e-mail and in-app, exactly the agents who chose
 * that queue in My Queues — not the agent who created it, not an agent who did not choose it.
 */
class NotificationMailFlowTest {

    @BeforeAll
    static void platformUp() {
        Platform.ensureUp();
    }

    private static RequestSpecification as(String user) {
        return given().baseUri(Platform.GATEWAY.baseUrl()).auth().oauth2(KeycloakTokens.user(user))
                .contentType(ContentType.JSON);
    }

    private static void follow(String agent, List<Integer> queues) {
        as(agent).body(Map.of("language", "en", "myQueues", queues,
                        "notifications", Map.of("NEW_TICKET", Map.of("email", true, "inApp", true))))
                .put("/api/preferences").then().statusCode(200);
    }

    @Test
    void aNewTicketReachesExactlyTheAgentsWhoFollowItsQueueButNotItsAuthor() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        int queueId = as("admin").body(Map.of("name", "Notify " + suffix, "groupId", 1, "systemAddressId", 1,
                        "salutationId", 1, "signatureId", 1))
                .post("/api/admin/queues").then().statusCode(201).extract().jsonPath().getInt("id");
        for (String agent : List.of("agent1", "agent2", "agent3")) {
            Mailboxes.create(agent + "@relaydesk.local");
        }
        follow("agent1", List.of(queueId));   // chose the queue
        follow("agent3", List.of(queueId));   // chose it too, but is the author below
        follow("agent2", List.of());          // did not choose it

        String title = "Notify me " + suffix;
        JsonPath ticket = as("agent3").body(Map.of("title", title, "queueId", queueId, "channel", "phone",
                        "article", Map.of("kind", "phone", "body", "Call from a customer")))
                .post("/api/tickets").then().statusCode(201).extract().jsonPath();
        long ticketId = ticket.getLong("id");
        String number = ticket.getString("number");

        List<Map<String, Object>> inApp = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> notificationsOf("agent1", ticketId), list -> !list.isEmpty());
        assertEquals("NEW_TICKET", inApp.get(0).get("kind"));
        // the in-app rows of every recipient are written in the one transaction that handled the event
        assertTrue(notificationsOf("agent3", ticketId).isEmpty(), "the author is not notified");
        assertTrue(notificationsOf("agent2", ticketId).isEmpty(), "an agent who did not choose the queue is not");

        MimeMessage mail = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Mailboxes.find("agent1@relaydesk.local", s -> s.contains(number)), Optional::isPresent)
                .orElseThrow();
        assertTrue(mail.getSubject().contains(title) || String.valueOf(mail.getContent()).contains(title),
                "the mail names the ticket: " + mail.getSubject());
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null));
        // by now the mail-gateway has sent what the event produced: nothing went to the others
        assertTrue(Mailboxes.find("agent3@relaydesk.local", s -> s.contains(number)).isEmpty(), "no mail to the author");
        assertTrue(Mailboxes.find("agent2@relaydesk.local", s -> s.contains(number)).isEmpty(), "no mail to agent2");
    }

    /** The agent's in-app notifications about the ticket. */
    private static List<Map<String, Object>> notificationsOf(String agent, long ticketId) {
        List<Map<String, Object>> items = as(agent).queryParam("size", 100).get("/api/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream()
                .filter(i -> i.get("ticketId") != null && ((Number) i.get("ticketId")).longValue() == ticketId).toList();
    }
}
