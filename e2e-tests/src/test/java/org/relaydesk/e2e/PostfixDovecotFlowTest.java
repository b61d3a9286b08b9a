package org.relaydesk.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.LocalStack;
import org.relaydesk.testsupport.Mailboxes;
import org.relaydesk.testsupport.Platform;

/**
 * The shape of a real deployment: a customer's mail goes over SMTP to Postfix, which delivers it
 * over LMTP into a Dovecot mailbox; RelayDesk fetches it over IMAP from Dovecot, opens a ticket,
 * empties the mailbox and answers with the auto response; the customer's reply, again through
 * Postfix and Dovecot, threads into the same ticket. Postfix and Dovecot are the local stack's
 * {@code mta} component (deploy/local/mta.sh), from Debian's packages.
 */
class PostfixDovecotFlowTest {

    private static final int POSTFIX_SMTP = 2525;
    private static final int DOVECOT_IMAP = 10143;
    private static final String MAILBOX = "support@relaydesk.test";
    /**
     * A sender of its own per run: loop protection caps auto responses per sender and day, and the
     * demo customers get many from the other mail tests.
     */
    private static final String CUSTOMER = "dovecot-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    @BeforeAll
    static void platformUp() {
        Platform.ensureUp();
    }

    private static RequestSpecification admin() {
        return given().baseUri(Platform.GATEWAY.baseUrl()).auth().oauth2(KeycloakTokens.user("admin"))
                .contentType(ContentType.JSON);
    }

    @Test
    void mailThroughPostfixAndDovecotBecomesATicketAndTheReplyThreadsIn() throws Exception {
        Mailboxes.empty(DOVECOT_IMAP, MAILBOX);
        Mailboxes.create(CUSTOMER); // the mail-gateway sends the auto response through GreenMail
        Map<String, Object> account = new HashMap<>();
        account.put("name", "dovecot " + UUID.randomUUID());
        account.put("protocol", "IMAP");
        account.put("host", LocalStack.SMTP_HOST);
        account.put("port", DOVECOT_IMAP);
        account.put("tlsMode", "NONE");
        account.put("login", MAILBOX);
        account.put("password", Mailboxes.PASSWORD);
        account.put("dispatch", "QUEUE");
        account.put("queueId", 2);
        account.put("pollIntervalSeconds", 2);
        account.put("afterProcessing", "DELETE");
        String accountId = admin().body(account).post("/api/mail/accounts").then().statusCode(201)
                .extract().jsonPath().getString("id");
        try {
            String subject = "Scanner offline " + System.nanoTime();
            String messageId = "<postfix-" + UUID.randomUUID() + "@example.com>";
            send(subject, "The scanner on floor 2 is offline.", messageId, null);

            long id = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ticketTitled(subject), Optional::isPresent).orElseThrow();
            JsonPath ticket = admin().get("/api/tickets/" + id).then().statusCode(200).extract().jsonPath();
            assertEquals("customer", ticket.getString("articles[0].senderType"));
            assertTrue(ticket.getString("articles[0].from").contains(CUSTOMER), ticket.getString("articles[0].from"));
            assertEquals(messageId, ticket.getString("articles[0].messageId"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Mailboxes.count(DOVECOT_IMAP, MAILBOX) == 0);

            String number = ticket.getString("number");
            MimeMessage autoResponse = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Mailboxes.find(CUSTOMER, s -> s.contains("[Ticket#" + number + "]")), Optional::isPresent)
                    .orElseThrow();
            assertEquals(messageId, autoResponse.getHeader("In-Reply-To", null));

            send("Re: " + autoResponse.getSubject(), "Still offline after a restart.",
                    "<postfix-reply-" + UUID.randomUUID() + "@example.com>", autoResponse.getMessageID());
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> admin().get("/api/tickets/" + id).then().statusCode(200).extract().jsonPath()
                            .getList("articles.bodyText", String.class).stream()
                            .anyMatch(b -> b != null && b.contains("Still offline after a restart.")));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Mailboxes.count(DOVECOT_IMAP, MAILBOX) == 0);
        } finally {
            admin().delete("/api/mail/accounts/" + accountId);
        }
    }

    private static Optional<Long> ticketTitled(String title) {
        JsonPath page = admin().queryParam("queueId", 2).queryParam("sort", "-id").queryParam("limit", 50)
                .get("/api/tickets").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(i -> title.equals(i.get("title")))
                .map(i -> ((Number) i.get("id")).longValue()).findFirst();
    }

    /** Sends a mail from the customer to the support mailbox through Postfix. */
    private static void send(String subject, String body, String messageId, String inReplyTo) throws Exception {
        Session session = Mailboxes.session();
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(new InternetAddress(CUSTOMER, "Dana Dovecot"));
        m.setRecipients(Message.RecipientType.TO, MAILBOX);
        m.setSubject(subject);
        m.setText(body);
        if (inReplyTo != null) {
            m.setHeader("In-Reply-To", inReplyTo);
            m.setHeader("References", inReplyTo);
        }
        m.saveChanges();
        try (Transport t = session.getTransport("smtp")) {
            t.connect(LocalStack.SMTP_HOST, POSTFIX_SMTP, null, null);
            t.sendMessage(m, m.getAllRecipients());
        }
    }
}
