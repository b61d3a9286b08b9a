package org.relaydesk.mailgateway.runtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.relaydesk.mailgateway.testing.Dovecot;
import org.relaydesk.mailgateway.testing.FakeTicketService;
import org.relaydesk.mailgateway.testing.FakeTicketServiceResource;
import org.relaydesk.mailgateway.testing.MailServer;
import org.relaydesk.testsupport.KeycloakTokens;

/**
 * A deployment that did not trust the mail server's private CA: with
 * {@code relaydesk.mail.tls.trust-ca-file} unset, the stack's Dovecot certificate (signed by the
 * local CA of deploy/local/mta.sh) is not trusted, so the IMAPS account fails in the TLS handshake,
 * says so in its last fetch error and in the log, and the mail stays in the mailbox.
 */
@QuarkusTest
@TestProfile(UntrustedMailServerTest.JvmDefaultTrust.class)
@QuarkusTestResource(FakeTicketServiceResource.class)
class UntrustedMailServerTest {

    /** Only the JVM's default CAs: the local CA is not among them. */
    public static class JvmDefaultTrust implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relaydesk.mail.tls.trust-ca-file", "");
        }
    }

    @Test
    void imapsAccountWithoutTheCaTrustedFailsWithATlsErrorAndLeavesTheMailInTheMailbox() {
        Dovecot.requireTls();
        FakeTicketService.start();
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                // the gateway logs with JBoss Logging's printf style (warnf)
                logged.add(r.getParameters() == null ? r.getMessage() : String.format(r.getMessage(), r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger fetcherLog = Logger.getLogger("org.relaydesk.mailgateway.fetch.MailboxFetcher");
        fetcherLog.addHandler(capture);
        String folder = Dovecot.newFolder("tls-untrusted");
        try {
            String messageId = "untrusted-" + UUID.randomUUID() + "@example.com";
            Dovecot.append(folder, MailServer.mail(messageId, "customer1@example.com", "support@relaydesk.test",
                    "Not over an untrusted server", "Must stay in the mailbox."));
            String accountId = given().auth().oauth2(KeycloakTokens.user("admin")).contentType(ContentType.JSON)
                    .body(Map.ofEntries(Map.entry("name", "untrusted " + folder), Map.entry("protocol", "IMAP"),
                            Map.entry("host", "localhost"), Map.entry("port", Dovecot.IMAPS_PORT), Map.entry("tlsMode", "TLS"),
                            Map.entry("login", Dovecot.USER), Map.entry("password", Dovecot.PASSWORD),
                            Map.entry("folder", folder), Map.entry("dispatch", "QUEUE"), Map.entry("queueId", 3),
                            Map.entry("pollIntervalSeconds", 1), Map.entry("useIdle", true)))
                    .post("/api/mail/accounts").then().statusCode(201).extract().path("id");

            String error = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(KeycloakTokens.user("admin"))
                    .get("/api/mail/accounts/" + accountId).then().statusCode(200).extract().path("lastFetchError"),
                    e -> e != null);
            assertThat(error).contains("TLS handshake with localhost:" + Dovecot.IMAPS_PORT + " failed")
                    .contains("not trusted").contains("relaydesk.mail.tls.trust-ca-file")
                    .containsIgnoringCase("certification path");
            await().atMost(Duration.ofSeconds(10)).until(() -> logged.stream().anyMatch(
                    l -> l.contains("untrusted " + folder) && l.contains("TLS handshake with localhost:" + Dovecot.IMAPS_PORT)));

            // nothing was taken: the mail is still there, unflagged, and the gateway has no record of it
            assertThat(Dovecot.messageIds(folder)).containsExactly("<" + messageId + ">");
            assertThat(InboundMailFlowTest.inbound(messageId)).isNull();
            assertThat(FakeTicketService.callsWithMessageId(messageId)).isEmpty();
            given().auth().oauth2(KeycloakTokens.user("admin")).delete("/api/mail/accounts/" + accountId).then().statusCode(204);
        } finally {
            fetcherLog.removeHandler(capture);
            Dovecot.deleteFolder(folder);
        }
    }
}
