package org.relaydesk.mailgateway.runtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.mail.MailEventTypes;
import org.relaydesk.contracts.mail.OutboundMailRequest;
import org.relaydesk.mailgateway.testing.FakeTicketService;
import org.relaydesk.mailgateway.testing.FakeTicketServiceResource;
import org.relaydesk.mailgateway.testing.MailServer;
import org.relaydesk.testsupport.ConsumerGroups;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.TopicPublisher;
import org.relaydesk.testsupport.TopicRecorder;

/**
 * Mail out, through real servers: an {@code ArticleAdded} event on the real Kafka topic (published
 * the way ticket-service's outbox relay does) → the gateway renders the mail and sends it over
 * SMTP to GreenMail → the customer's mailbox holds it with the right headers → {@code MailSent} on
 * {@code mail.delivery}. Ticket ids are random and far above anything real, since the topic is
 * shared. The bounce test also needs ticket-service for its note: {@link FakeTicketService} stands
 * in for it (see there why).
 */
@QuarkusTest
@QuarkusTestResource(FakeTicketServiceResource.class)
class OutboundMailFlowTest {

    /**
     * This instance's consumer groups start at the topics' end: an event published before they own
     * their partitions would never be seen (that made these cases time out on a busy machine).
     */
    @org.junit.jupiter.api.BeforeEach
    void consumersOwnTheirPartitions() {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        ConsumerGroups.awaitAssigned(config.getValue("mp.messaging.incoming.ticket-events.group.id", String.class),
                Topics.TICKET_EVENTS, Duration.ofSeconds(60));
        ConsumerGroups.awaitAssigned(config.getValue("mp.messaging.incoming.mail-outbound.group.id", String.class),
                Topics.MAIL_OUTBOUND, Duration.ofSeconds(60));
    }

    static final String CUSTOMER = "customer1@example.com";

    @Test
    void outboundArticleReachesTheCustomerWithThreadingHeadersOnceAndIsReportedSent() {
        long ticketId = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        String number = "20261123" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        long articleId = ticketId + 1;
        String messageId = "<" + UUID.randomUUID() + "@relaydesk.local>";
        String original = "<orig-" + UUID.randomUUID() + "@example.com>";
        Map<String, Object> article = article(ticketId, number, articleId, messageId, "reply", "RE: Printer on fire",
                original);

        EventEnvelope first;
        EventEnvelope delivery;
        try (TopicRecorder deliveries = TopicRecorder.open(Topics.MAIL_DELIVERY);
                TopicPublisher publisher = TopicPublisher.open()) {
            first = publish(publisher, Topics.TICKET_EVENTS, "ticket", String.valueOf(ticketId), EventTypes.ARTICLE_ADDED, article);
            MailServer.Seen mail = await().atMost(Duration.ofSeconds(30)).until(() -> find(CUSTOMER, messageId), Optional::isPresent).get();
            assertThat(mail.subject()).isEqualTo("RE: [Ticket#" + number + "] Printer on fire");
            assertThat(mail.from()).contains("support@relaydesk.local").contains("RelayDesk Support");
            assertThat(mail.inReplyTo()).isEqualTo(original);
            assertThat(mail.references()).isEqualTo(original);
            assertThat(mail.contentType()).startsWith("multipart/alternative");
            String raw = new String(mail.raw(), StandardCharsets.UTF_8);
            assertThat(raw).contains("Your printer is fixed.").contains("<p>Your printer is <b>fixed</b>.</p>");
            assertThat(raw).doesNotContainIgnoringCase("Bcc:");
            assertThat(find("agent1@relaydesk.local", messageId)).as("Bcc recipient got it too").isPresent();

            delivery = deliveries.await(e -> e.aggregateId().equals(String.valueOf(ticketId)), Duration.ofSeconds(20));
            assertThat(delivery.type()).isEqualTo(MailEventTypes.MAIL_SENT);
            assertThat(delivery.payload().path("articleId").asLong()).isEqualTo(articleId);
            assertThat(delivery.payload().path("status").asText()).isEqualTo("sent");
            assertThat(delivery.payload().path("messageId").asText()).isEqualTo(messageId);
            assertThat(delivery.payload().path("detail").asText()).startsWith("250");

            // the same event again (a redelivery), then a second article of the same ticket (same partition):
            // once the second mail is there, the duplicate has been consumed, and it sent nothing
            publisher.publish(Topics.TICKET_EVENTS, first);
            String secondId = "<" + UUID.randomUUID() + "@relaydesk.local>";
            publish(publisher, Topics.TICKET_EVENTS, "ticket", String.valueOf(ticketId), EventTypes.ARTICLE_ADDED,
                    article(ticketId, number, articleId + 1, secondId, "reply", "Second answer", null));
            await().atMost(Duration.ofSeconds(30)).until(() -> find(CUSTOMER, secondId), Optional::isPresent);
            // counted in this instance's own outbound list, not in the shared mailbox: a running platform's
            // mail-gateway (which has no accept-sources) acts on these events as well and delivers copies there
            await().atMost(Duration.ofSeconds(30)).until(() -> ownOutbound(ticketId).getList("messageId").contains(secondId));
            assertThat(ownOutbound(ticketId).getList("messageId", String.class)).containsExactlyInAnyOrder(messageId, secondId);
        }
    }

    @Test
    void notificationRequestIsSentAsAutoGeneratedMailAndReported() {
        String requestId = "notify-" + UUID.randomUUID();
        String subject = "New ticket in your queue " + requestId;
        try (TopicRecorder deliveries = TopicRecorder.open(Topics.MAIL_DELIVERY);
                TopicPublisher publisher = TopicPublisher.open()) {
            OutboundMailRequest request = new OutboundMailRequest(requestId, null, null, null, null, "agent1@relaydesk.local", null, null,
                    subject, "A new ticket arrived.", null, null, null,
                    Map.of("X-RelayDesk-Notification", "NewTicket"), List.of(new OutboundMailRequest.Attachment(
                            "note.txt", "text/plain", java.util.Base64.getEncoder().encodeToString("hello".getBytes()))));
            // This instance's test consumer group starts at the end of mail.outbound: a request
            // published before its partitions are assigned is not seen, so publish again (same
            // request id) until the mail arrives.
            long[] lastPublish = {0};
            MailServer.Seen mail = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (System.nanoTime() - lastPublish[0] > 10_000_000_000L) {
                            publish(publisher, Topics.MAIL_OUTBOUND, "mail-request", requestId,
                                    MailEventTypes.OUTBOUND_MAIL_REQUESTED, request);
                            lastPublish[0] = System.nanoTime();
                        }
                        return MailServer.inbox("agent1@relaydesk.local").stream()
                                .filter(s -> subject.equals(s.subject())).findFirst();
                    }, Optional::isPresent).get();
            assertThat(mail.autoSubmitted()).isEqualTo("auto-generated");
            assertThat(mail.from()).contains("helpdesk@relaydesk.local");
            assertThat(mail.contentType()).startsWith("multipart/mixed");
            assertThat(new String(mail.raw(), StandardCharsets.UTF_8)).contains("X-RelayDesk-Notification: NewTicket")
                    .contains("note.txt");
            EventEnvelope result = deliveries.await(e -> e.aggregateId().equals(requestId), Duration.ofSeconds(20));
            assertThat(result.type()).isEqualTo(MailEventTypes.MAIL_SENT);
            assertThat(result.payload().path("requestId").asText()).isEqualTo(requestId);
        }
    }

    @Test
    void bounceOfASentMailReportsTheArticleFailedAndAddsANoteWithoutANewTicket() {
        FakeTicketService.start();
        long ticketId = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        String number = "20261123" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        FakeTicketService.knowTicket(ticketId, number);
        long articleId = ticketId + 7;
        String messageId = "<" + UUID.randomUUID() + "@relaydesk.local>";
        try (TopicRecorder deliveries = TopicRecorder.open(Topics.MAIL_DELIVERY);
                TopicPublisher publisher = TopicPublisher.open()) {
            publish(publisher, Topics.TICKET_EVENTS, "ticket", String.valueOf(ticketId), EventTypes.ARTICLE_ADDED,
                    article(ticketId, number, articleId, messageId, "auto_response", "Your request", null));
            deliveries.await(e -> e.aggregateId().equals(String.valueOf(ticketId)) && e.type().equals(MailEventTypes.MAIL_SENT),
                    Duration.ofSeconds(30));
            MailServer.Seen sent = await().atMost(Duration.ofSeconds(30)).until(() -> find(CUSTOMER, messageId), Optional::isPresent).get();
            assertThat(sent.autoSubmitted()).isEqualTo("auto-replied");
            // MailSent and the mail may also come from a running platform's mail-gateway: the DSN is matched
            // against this instance's own sent mail, so wait for that
            await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(
                    ownOutbound(ticketId).getString("find { it.messageId == '" + messageId + "' }.status")));

            String dsn = dsn(messageId, CUSTOMER);
            given().auth().oauth2(KeycloakTokens.user("admin")).contentType("message/rfc822")
                    .body(dsn.getBytes(StandardCharsets.UTF_8))
                    .post("/api/mail/inbound").then().statusCode(202)
                    .body("status", org.hamcrest.Matchers.equalTo("BOUNCE_HANDLED"));
            EventEnvelope failed = deliveries.await(e -> e.aggregateId().equals(String.valueOf(ticketId))
                    && e.type().equals(MailEventTypes.MAIL_DELIVERY_FAILED), Duration.ofSeconds(20));
            assertThat(failed.payload().path("articleId").asLong()).isEqualTo(articleId);
            assertThat(failed.payload().path("bounce").asBoolean()).isTrue();
            assertThat(failed.payload().path("detail").asText()).contains("5.1.1");
        }
        List<FakeTicketService.Call> calls = FakeTicketService.calls().stream()
                .filter(c -> c.path().startsWith("/api/tickets")).filter(c -> c.body() != null)
                .filter(c -> c.path().equals("/api/tickets/" + ticketId + "/articles")).toList();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).body().path("kind").asText()).isEqualTo("note");
        assertThat(calls.get(0).body().path("visibleForCustomer").asBoolean()).isFalse();
        assertThat(FakeTicketService.calls()).noneMatch(c -> c.path().equals("/api/tickets") && c.body() != null
                && c.body().toString().contains("Undelivered"));
    }

    /** This instance's outbound mails of a ticket (GET /api/mail/outbound), whatever other gateways sent. */
    static io.restassured.path.json.JsonPath ownOutbound(long ticketId) {
        return given().auth().oauth2(KeycloakTokens.user("admin")).queryParam("ticketId", ticketId)
                .get("/api/mail/outbound").then().statusCode(200).extract().jsonPath();
    }

    /** Publishes like {@link TopicPublisher#publish(String, String, String, String, Object)}, with this module's source. */
    static EventEnvelope publish(TopicPublisher publisher, String topic, String aggregateType, String aggregateId, String type,
            Object payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, aggregateType, aggregateId, Instant.now(), 1,
                "mail-gateway-test", null, org.relaydesk.contracts.Json.MAPPER.valueToTree(payload));
        publisher.publish(topic, envelope);
        return envelope;
    }

    @Test
    void articleWithoutRecipientIsReportedFailedAndDoesNotBlockTheTopic() {
        long ticketId = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        Map<String, Object> broken = article(ticketId, "2026112399999999", ticketId + 1,
                "<" + UUID.randomUUID() + "@relaydesk.local>", "forward", "FW: x", null);
        broken.put("to", null);
        String nextId = "<" + UUID.randomUUID() + "@relaydesk.local>";
        try (TopicRecorder deliveries = TopicRecorder.open(Topics.MAIL_DELIVERY);
                TopicPublisher publisher = TopicPublisher.open()) {
            publish(publisher, Topics.TICKET_EVENTS, "ticket", String.valueOf(ticketId), EventTypes.ARTICLE_ADDED, broken);
            publish(publisher, Topics.TICKET_EVENTS, "ticket", String.valueOf(ticketId), EventTypes.ARTICLE_ADDED,
                    article(ticketId, "2026112399999999", ticketId + 2, nextId, "reply", "Next", null));
            EventEnvelope failed = deliveries.await(e -> e.aggregateId().equals(String.valueOf(ticketId))
                    && e.type().equals(MailEventTypes.MAIL_DELIVERY_FAILED), Duration.ofSeconds(30));
            assertThat(failed.payload().path("articleId").asLong()).isEqualTo(ticketId + 1);
            assertThat(failed.payload().path("detail").asText()).isEqualTo("no recipient");
            await().atMost(Duration.ofSeconds(30)).until(() -> find(CUSTOMER, nextId), Optional::isPresent);
        }
        String admin = KeycloakTokens.user("admin");
        // the event and the mail may also come from a running platform's mail-gateway: wait for this instance's own
        await().atMost(Duration.ofSeconds(30)).until(() -> ownOutbound(ticketId).getList("status").contains("SENT"));
        io.restassured.path.json.JsonPath list = ownOutbound(ticketId);
        assertThat(list.getList("status")).containsExactlyInAnyOrder("FAILED", "SENT");
        String failedId = list.getString("find { it.status == 'FAILED' }.id");
        given().auth().oauth2(admin).post("/api/mail/outbound/" + failedId + "/retry").then().statusCode(409);
        String sentId = list.getString("find { it.status == 'SENT' }.id");
        given().auth().oauth2(admin).get("/api/mail/outbound/" + sentId).then().statusCode(200)
                .body("smtpResponse", org.hamcrest.Matchers.startsWith("250"))
                .body("messageId", org.hamcrest.Matchers.equalTo(nextId));
    }

    static Map<String, Object> article(long ticketId, String number, long articleId, String messageId, String kind,
            String subject, String inReplyTo) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("ticketId", ticketId);
        a.put("ticketNumber", number);
        a.put("articleId", articleId);
        a.put("kind", kind);
        a.put("senderType", "auto_response".equals(kind) ? "system" : "agent");
        a.put("channel", "email");
        a.put("visibleForCustomer", true);
        a.put("from", "\"RelayDesk Support\" <support@relaydesk.local>");
        a.put("to", "Customer One <" + CUSTOMER + ">");
        a.put("cc", null);
        a.put("bcc", "reply".equals(kind) && inReplyTo != null ? "agent1@relaydesk.local" : null);
        a.put("subject", subject);
        a.put("bodyText", "Dear customer,\n\nYour printer is fixed.\n");
        a.put("bodyHtml", "<p>Your printer is <b>fixed</b>.</p>");
        a.put("messageId", messageId);
        a.put("inReplyTo", inReplyTo);
        a.put("references", inReplyTo);
        a.put("outbound", true);
        a.put("deliveryStatus", "queued");
        a.put("attachmentNames", List.of());
        a.put("createdBy", "agent1");
        a.put("createdAt", Instant.now().toString());
        return a;
    }

    static Optional<MailServer.Seen> find(String mailbox, String messageId) {
        return MailServer.withMessageId(mailbox, messageId).stream().filter(s -> messageId.equals(s.messageId())).findFirst();
    }

    static String dsn(String originalMessageId, String recipient) {
        String boundary = "dsn-" + UUID.randomUUID();
        return "From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\r\n"
                + "To: support@relaydesk.local\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
                + "Message-ID: <dsn-" + UUID.randomUUID() + "@mx.example.com>\r\n"
                + "Auto-Submitted: auto-replied\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                + "--" + boundary + "\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.example.com\r\n\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                + "From: support@relaydesk.local\r\nTo: " + recipient + "\r\nSubject: Your request\r\n"
                + "Message-ID: " + originalMessageId + "\r\n\r\n"
                + "--" + boundary + "--\r\n";
    }
}
