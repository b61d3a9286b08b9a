package org.relaydesk.mailgateway.runtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.mail.MailEventTypes;
import org.relaydesk.contracts.mail.OutboundMailRequest;
import org.relaydesk.mailgateway.testing.Dovecot;
import org.relaydesk.mailgateway.testing.FakeTicketService;
import org.relaydesk.mailgateway.testing.FakeTicketServiceResource;
import org.relaydesk.mailgateway.testing.MailServer;
import org.relaydesk.testsupport.ConsumerGroups;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.TopicPublisher;
import org.relaydesk.testsupport.TopicRecorder;

/**
 * Mail over TLS with the real Postfix + Dovecot of the local stack (deploy/local/mta.sh), whose
 * certificate (for localhost and 127.0.0.1) is signed by a local CA that only
 * {@code relaydesk.mail.tls.trust-ca-file} makes trusted: an IMAPS account, a STARTTLS account and a
 * POP3S account each fetch a mail into a ticket, and outbound mail goes over STARTTLS to Postfix,
 * which delivers it into a Dovecot mailbox. This class's profile points the SMTP relay at Postfix
 * (SMTPS, TLS from the first byte: {@link MailSmtpsFlowTest}).
 */
@QuarkusTest
@TestProfile(MailTlsFlowTest.PostfixRelay.class)
@QuarkusTestResource(FakeTicketServiceResource.class)
class MailTlsFlowTest {

    /** Outbound over STARTTLS (required) to the stack's Postfix. */
    public static class PostfixRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relaydesk.mail.smtp.host", "localhost", "relaydesk.mail.smtp.port", String.valueOf(Dovecot.SMTP_PORT),
                    "relaydesk.mail.smtp.tls", "STARTTLS");
        }
    }

    @BeforeEach
    void stackHasTls() {
        Dovecot.requireTls();
        FakeTicketService.start();
    }

    @Test
    void imapsAccountFetchesAMailFromDovecotIntoATicket() {
        fetchesOverTls("tls-imaps", "localhost", Dovecot.IMAPS_PORT, "TLS");
    }

    @Test
    void starttlsAccountFetchesAMailFromDovecotIntoATicket() {
        // the IP address is in the certificate too
        fetchesOverTls("tls-starttls", "127.0.0.1", Dovecot.IMAP_PORT, "STARTTLS");
    }

    @Test
    void pop3sAccountFetchesAMailDeliveredThroughPostfixIntoATicketAndDeletesIt() {
        String messageId = "tls-pop3s-" + UUID.randomUUID() + "@example.com";
        // into the POP test mailbox the way mail arrives there: SMTP to Postfix, LMTP to Dovecot
        MailServer.deliverTo(Dovecot.SMTP_PORT, MailServer.mail(messageId, "customer2@example.com", Dovecot.POP_USER,
                "Over POP3S", "Fetched over POP3 with TLS from Dovecot."), "customer2@example.com", Dovecot.POP_USER);
        await().atMost(Duration.ofSeconds(30)).until(() -> Dovecot.popInboxMessageIds().contains("<" + messageId + ">"));
        String accountId = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.ofEntries(Map.entry("name", "pop3s " + messageId), Map.entry("protocol", "POP3"),
                        Map.entry("host", "localhost"), Map.entry("port", Dovecot.POP3S_PORT), Map.entry("tlsMode", "TLS"),
                        Map.entry("login", Dovecot.POP_USER), Map.entry("password", Dovecot.PASSWORD),
                        Map.entry("dispatch", "QUEUE"), Map.entry("queueId", 4), Map.entry("pollIntervalSeconds", 1),
                        Map.entry("afterProcessing", "DELETE")))
                .post("/api/mail/accounts").then().statusCode(201).extract().path("id");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> "COMMITTED".equals(InboundMailFlowTest.status(messageId)));
            assertThat(InboundMailFlowTest.inbound(messageId).getString("sourceRef")).startsWith("pop3:");
            List<FakeTicketService.Call> calls = FakeTicketService.callsWithMessageId(messageId);
            assertThat(calls).hasSize(1);
            assertThat(calls.get(0).body().path("queueId").asLong()).isEqualTo(4);
            assertThat(calls.get(0).body().path("title").asText()).isEqualTo("Over POP3S");
            await().atMost(Duration.ofSeconds(30)).until(() -> !Dovecot.popInboxMessageIds().contains("<" + messageId + ">"));
            given().auth().oauth2(admin()).get("/api/mail/accounts/" + accountId).then().statusCode(200)
                    .body("lastFetchError", org.hamcrest.Matchers.nullValue());
        } finally {
            given().auth().oauth2(admin()).delete("/api/mail/accounts/" + accountId).then().statusCode(204);
        }
    }

    private void fetchesOverTls(String prefix, String host, int port, String tlsMode) {
        String folder = Dovecot.newFolder(prefix);
        try {
            String messageId = prefix + "-" + UUID.randomUUID() + "@example.com";
            Dovecot.append(folder, MailServer.mail(messageId, "customer1@example.com", "support@relaydesk.test",
                    "Over " + tlsMode, "Fetched over " + tlsMode + " from Dovecot."));
            String accountId = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                    .body(Map.ofEntries(Map.entry("name", prefix + " " + folder), Map.entry("protocol", "IMAP"),
                            Map.entry("host", host), Map.entry("port", port), Map.entry("tlsMode", tlsMode),
                            Map.entry("login", Dovecot.USER), Map.entry("password", Dovecot.PASSWORD),
                            Map.entry("folder", folder), Map.entry("dispatch", "QUEUE"), Map.entry("queueId", 3),
                            Map.entry("pollIntervalSeconds", 1), Map.entry("useIdle", true)))
                    .post("/api/mail/accounts").then().statusCode(201).extract().path("id");

            await().atMost(Duration.ofSeconds(30)).until(() -> "COMMITTED".equals(InboundMailFlowTest.status(messageId)));
            assertThat(InboundMailFlowTest.inbound(messageId).getString("sourceRef")).startsWith("imap:");
            List<FakeTicketService.Call> calls = FakeTicketService.callsWithMessageId(messageId);
            assertThat(calls).hasSize(1);
            assertThat(calls.get(0).path()).isEqualTo("/api/tickets");
            assertThat(calls.get(0).body().path("queueId").asLong()).isEqualTo(3);
            assertThat(calls.get(0).body().path("title").asText()).isEqualTo("Over " + tlsMode);
            // processed: it leaves the mailbox, and the account shows no error
            await().atMost(Duration.ofSeconds(30)).until(() -> Dovecot.messageIds(folder).isEmpty());
            given().auth().oauth2(admin()).get("/api/mail/accounts/" + accountId).then().statusCode(200)
                    .body("lastFetchError", org.hamcrest.Matchers.nullValue());
            given().auth().oauth2(admin()).delete("/api/mail/accounts/" + accountId).then().statusCode(204);
        } finally {
            Dovecot.deleteFolder(folder);
        }
    }

    @Test
    void outboundMailGoesOverStartTlsToPostfixAndArrivesInTheDovecotMailbox() {
        sendsOverTlsToPostfix("STARTTLS");
    }

    /**
     * An outbound mail request is sent over the profile's TLS relay to Postfix, which notes the TLS
     * session in its Received header and delivers into the Dovecot mailbox; MailSent reports the 250.
     */
    static void sendsOverTlsToPostfix(String how) {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        ConsumerGroups.awaitAssigned(config.getValue("mp.messaging.incoming.mail-outbound.group.id", String.class),
                Topics.MAIL_OUTBOUND, Duration.ofSeconds(60));
        String requestId = "tls-out-" + UUID.randomUUID();
        String subject = "Over " + how + " " + requestId;
        OutboundMailRequest request = new OutboundMailRequest(requestId, null, null, null, null, Dovecot.USER, null, null,
                subject, "Sent over " + how + " to Postfix.", null, null, null, Map.of(), List.of());
        try (TopicRecorder deliveries = TopicRecorder.open(Topics.MAIL_DELIVERY);
                TopicPublisher publisher = TopicPublisher.open()) {
            // published again (same request id) until it arrives: see OutboundMailFlowTest's notification case
            long[] lastPublish = {0};
            byte[] mail = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (System.nanoTime() - lastPublish[0] > 10_000_000_000L) {
                    OutboundMailFlowTest.publish(publisher, Topics.MAIL_OUTBOUND, "mail-request", requestId,
                            MailEventTypes.OUTBOUND_MAIL_REQUESTED, request);
                    lastPublish[0] = System.nanoTime();
                }
                return Dovecot.inboxMailWithSubject(subject);
            }, m -> m != null);
            // Postfix notes the TLS session of the SMTP client (smtpd_tls_received_header) in its Received header
            String raw = new String(mail, StandardCharsets.UTF_8);
            String received = raw.substring(0, raw.indexOf("\r\n\r\n")).replaceAll("\r\n[ \t]+", " ");
            assertThat(received).containsPattern("Received: from .* \\(using TLSv1\\.[23] with cipher [^)]*\\).* by mta\\.relaydesk\\.test");
            assertThat(raw).contains("Sent over " + how + " to Postfix.");
            EventEnvelope result = deliveries.await(e -> e.aggregateId().equals(requestId), Duration.ofSeconds(20));
            assertThat(result.type()).isEqualTo(MailEventTypes.MAIL_SENT);
            assertThat(result.payload().path("detail").asText()).startsWith("250");
        } finally {
            Dovecot.deleteFromInbox(subject);
        }
    }

    static String admin() {
        return KeycloakTokens.user("admin");
    }
}
