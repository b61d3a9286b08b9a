package org.relaydesk.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.LocalStack;
import org.relaydesk.testsupport.Mailboxes;
import org.relaydesk.testsupport.Platform;

/**
 * Mail in → ticket → auto response out → customer reply threads in, across GreenMail, the
 * mail-gateway and ticket-service, driven only through their public interfaces.
 */
class MailToTicketFlowTest {

    /** A sender of its own per run: loop protection caps auto responses per sender and day. */
    private static final String CUSTOMER = "mail-e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

    @BeforeAll
    static void platformUp() {
        Platform.ensureUp();
    }

    private static RequestSpecification admin() {
        return given().baseUri(Platform.GATEWAY.baseUrl()).auth().oauth2(KeycloakTokens.user("admin"))
                .contentType(ContentType.JSON);
    }

    @Test
    void mailBecomesATicketGetsAnAutoResponseAndTheReplyThreadsIn() throws Exception {
        String mailbox = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@relaydesk.local";
        Mailboxes.create(mailbox);
        Mailboxes.create(CUSTOMER);
        Map<String, Object> account = new HashMap<>();
        account.put("name", "e2e " + mailbox);
        account.put("protocol", "IMAP");
        account.put("host", LocalStack.SMTP_HOST);
        account.put("port", LocalStack.IMAP_PORT);
        account.put("tlsMode", "NONE");
        account.put("login", mailbox);
        account.put("password", Mailboxes.PASSWORD);
        account.put("dispatch", "QUEUE");
        account.put("queueId", 2);
        account.put("pollIntervalSeconds", 2);
        account.put("afterProcessing", "DELETE");
        String accountId = admin().body(account).post("/api/mail/accounts").then().statusCode(201)
                .extract().jsonPath().getString("id");
        try {
            String subject = "Printer on fire " + System.nanoTime();
            String messageId = "<e2e-" + UUID.randomUUID() + "@example.org>";
            send(CUSTOMER, mailbox, subject, "It smokes.", messageId, null);

            JsonPath ticket = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> findTicket(subject), Optional::isPresent).orElseThrow();
            long id = ticket.getLong("id");
            String number = ticket.getString("number");
            JsonPath full = admin().get("/api/tickets/" + id).then().statusCode(200).extract().jsonPath();
            assertTrue(full.getString("articles[0].from").contains(CUSTOMER), full.prettify());
            assertEquals("customer", full.getString("articles[0].senderType"));

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Mailboxes.count(mailbox) == 0);

            MimeMessage autoResponse = Awaitility.await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> Mailboxes.find(CUSTOMER, s -> s.contains("[Ticket#" + number + "]")), Optional::isPresent).orElseThrow();
            String autoId = autoResponse.getMessageID();
            assertEquals(messageId, autoResponse.getHeader("In-Reply-To", null), "the auto response threads to the mail");
            assertEquals("auto-replied", autoResponse.getHeader("Auto-Submitted", null));

            send(CUSTOMER, mailbox, "Re: " + autoResponse.getSubject(), "Still smoking.",
                    "<e2e-reply-" + UUID.randomUUID() + "@example.org>", autoId);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> admin().get("/api/tickets/" + id).then().statusCode(200).extract().jsonPath()
                            .getList("articles.bodyText", String.class).stream()
                            .anyMatch(b -> b != null && b.contains("Still smoking.")));
            assertTrue(findTicket("Re: " + autoResponse.getSubject()).isEmpty(), "the reply opened no new ticket");
        } finally {
            admin().delete("/api/mail/accounts/" + accountId);
        }
    }

    private static Optional<JsonPath> findTicket(String subject) {
        JsonPath page = admin().queryParam("queueId", 2).queryParam("sort", "-id").queryParam("limit", 50).get("/api/tickets")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        for (int i = 0; i < items.size(); i++) {
            if (subject.equals(page.getString("items[" + i + "].title"))) {
                return Optional.of(new JsonPath(page.prettify()).setRootPath("items[" + i + "]"));
            }
        }
        return Optional.empty();
    }

    private static void send(String from, String to, String subject, String body, String messageId, String inReplyTo)
            throws Exception {
        MimeMessage m = new MimeMessage(Mailboxes.session()) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(subject);
        m.setText(body);
        if (inReplyTo != null) {
            m.setHeader("In-Reply-To", inReplyTo);
            m.setHeader("References", inReplyTo);
        }
        Transport.send(m);
    }

}
