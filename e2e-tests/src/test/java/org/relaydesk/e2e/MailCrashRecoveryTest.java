package org.relaydesk.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.LocalStack;
import org.relaydesk.testsupport.Mailboxes;
import org.relaydesk.testsupport.Platform;

/**
 * Nothing lost, nothing twice: 1,000 mails wait in an IMAP mailbox; the mail-gateway is killed
 * with SIGKILL while it works through them and started again; in the end the queue holds exactly
 * one ticket per mail and the mailbox is empty.
 */
class MailCrashRecoveryTest {

    private static final int MAILS = 1000;

    @BeforeAll
    static void platformUp() {
        Platform.ensureUp();
    }

    private static RequestSpecification admin() {
        return given().baseUri(Platform.GATEWAY.baseUrl()).auth().oauth2(KeycloakTokens.user("admin"))
                .contentType(ContentType.JSON);
    }

    @Test
    void killedInTheMiddleOfAThousandMailsItCommitsEachExactlyOnce() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        int queueId = admin().body(Map.of("name", "Crash " + suffix, "groupId", 1, "systemAddressId", 1,
                        "salutationId", 1, "signatureId", 1))
                .post("/api/admin/queues").then().statusCode(201).extract().jsonPath().getInt("id");
        String mailbox = "crash-" + suffix + "@relaydesk.local";
        Mailboxes.create(mailbox);
        deliver(mailbox, suffix);
        assertEquals(MAILS, Mailboxes.count(mailbox), "all mails wait in the mailbox");

        Map<String, Object> account = new HashMap<>();
        account.put("name", "crash " + suffix);
        account.put("protocol", "IMAP");
        account.put("host", LocalStack.SMTP_HOST);
        account.put("port", LocalStack.IMAP_PORT);
        account.put("tlsMode", "NONE");
        account.put("login", mailbox);
        account.put("password", Mailboxes.PASSWORD);
        account.put("dispatch", "QUEUE");
        account.put("queueId", queueId);
        account.put("pollIntervalSeconds", 1);
        account.put("afterProcessing", "DELETE");
        String accountId = admin().body(account).post("/api/mail/accounts").then().statusCode(201)
                .extract().jsonPath().getString("id");
        try {
            // let it get well into the mailbox, then kill it
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> titles(queueId).size() >= 150);
            Platform.run(Duration.ofSeconds(30), "services", "kill", "mail-gateway-service");
            int before = titles(queueId).size();
            System.out.println("mail-gateway killed after " + before + " of " + MAILS + " tickets");
            Platform.run(Duration.ofMinutes(3), "services", "up", "mail-gateway-service");

            try {
                Awaitility.await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(2))
                        .until(() -> Mailboxes.count(mailbox) == 0);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("the mailbox still holds " + Mailboxes.count(mailbox) + " mails after 6 minutes; "
                        + titles(queueId).size() + " tickets in the queue (see mail-gateway-service.log)", e);
            }
            List<String> titles = titles(queueId);
            Set<String> distinct = new HashSet<>(titles);
            assertEquals(titles.size(), distinct.size(), "no mail became two tickets");
            assertEquals(MAILS, titles.size(), "every mail became a ticket");
            for (int i = 0; i < MAILS; i++) {
                if (!distinct.contains(subject(suffix, i))) {
                    throw new AssertionError("no ticket for mail " + i);
                }
            }
        } finally {
            admin().delete("/api/mail/accounts/" + accountId);
        }
    }

    private static String subject(String suffix, int i) {
        return "Crash " + suffix + " mail " + i;
    }

    /** Sends the mails over one SMTP connection. */
    private static void deliver(String mailbox, String suffix) throws Exception {
        Session session = Mailboxes.session();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(LocalStack.SMTP_HOST, LocalStack.SMTP_PORT, null, null);
            for (int i = 0; i < MAILS; i++) {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress("customer" + (i % 3 + 1) + "@example.org"));
                m.setRecipients(Message.RecipientType.TO, mailbox);
                m.setSubject(subject(suffix, i));
                m.setText("Mail number " + i + " of the crash test.");
                m.saveChanges();
                transport.sendMessage(m, m.getAllRecipients());
            }
        }
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> Mailboxes.count(mailbox) == MAILS);
    }

    /** The titles of all tickets in the queue (pages of 200). */
    private static List<String> titles(int queueId) {
        List<String> titles = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification r = admin().queryParam("queueId", queueId).queryParam("limit", 200).queryParam("sort", "id");
            if (cursor != null) {
                r = r.queryParam("cursor", cursor);
            }
            JsonPath page = r.get("/api/tickets").then().statusCode(200).extract().jsonPath();
            titles.addAll(page.getList("items.title", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return titles;
    }

}
