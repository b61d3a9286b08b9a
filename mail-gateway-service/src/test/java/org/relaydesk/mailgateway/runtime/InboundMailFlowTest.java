package org.relaydesk.mailgateway.runtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.mail.MailEventTypes;
import org.relaydesk.mailgateway.testing.FakeTicketService;
import org.relaydesk.mailgateway.testing.FakeTicketServiceResource;
import org.relaydesk.mailgateway.testing.MailServer;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.TopicRecorder;

/**
 * Mail in, through real servers: GreenMail (SMTP in, IMAP fetch with IDLE), PostgreSQL, Kafka and
 * Keycloak of the local stack. ticket-service is played by {@link FakeTicketService}, a stand-in
 * HTTP server: the real ticket-service does not run inside this module's tests, and switching the
 * stand-in off is how the test proves that mail waits (unflagged, in its mailbox) while
 * ticket-service is down. The real cross-service flow belongs to the end-to-end tests.
 *
 * <p>Each run uses a mailbox of its own (created through GreenMail's API); mail is addressed to
 * the queue address {@code support@relaydesk.local} in its header and delivered to that mailbox
 * by the SMTP envelope, as an alias would, so no other engineer's mail is fetched or deleted.
 */
@QuarkusTest
@QuarkusTestResource(FakeTicketServiceResource.class)
class InboundMailFlowTest {

    static final String QUEUE_ADDRESS = "support@relaydesk.local";
    static String mailbox;
    static String accountId;

    /** Once per class, but in @BeforeEach: Quarkus points REST Assured at the app only then. */
    @BeforeEach
    void setUp() {
        if (accountId != null) {
            return;
        }
        mailbox = MailServer.newMailbox("mgw-in");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("address", QUEUE_ADDRESS, "displayName", "RelayDesk Support", "queueId", 5))
                .post("/api/mail/system-addresses").then().log().ifValidationFails().statusCode(201);
        accountId = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "support inbox " + mailbox, "protocol", "IMAP", "host", "127.0.0.1", "port", 3143,
                        "tlsMode", "NONE", "login", mailbox, "password", MailServer.PASSWORD,
                        "dispatch", "SYSTEM_ADDRESS", "pollIntervalSeconds", 1, "useIdle", true))
                .post("/api/mail/accounts").then().statusCode(201)
                .body("password", org.hamcrest.Matchers.nullValue())
                .extract().path("id");
    }

    @AfterAll
    static void tearDown() {
        FakeTicketService.stop();
    }

    static String admin() {
        return KeycloakTokens.user("admin");
    }

    @Test
    void mailWaitsWhileTicketServiceIsDownThenOpensOneTicketAndLeavesTheMailbox() {
        FakeTicketService.stop();
        String messageId = "in-" + UUID.randomUUID() + "@example.com";
        MailServer.deliver(MailServer.mail(messageId, "Customer One <customer1@example.com>", QUEUE_ADDRESS,
                "Printer on fire", "Please help, the printer is on fire."), "customer1@example.com", mailbox);

        // fetched and stored, ticket-service not reachable: retried, and still untouched in the mailbox
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath m = inbound(messageId);
            return m != null && "RECEIVED".equals(m.getString("status")) && m.getInt("attempts") >= 2;
        });
        assertThat(inbound(messageId).getString("lastError")).contains("ticket-service");
        List<MailServer.Seen> box = inMailbox(messageId);
        assertThat(box).hasSize(1);
        assertThat(box.get(0).seen()).as("\\Seen before ticket-service committed").isFalse();
        assertThat(box.get(0).deleted()).as("\\Deleted before ticket-service committed").isFalse();
        assertThat(FakeTicketService.callsWithMessageId(messageId)).isEmpty();

        // ticket-service is back: the retry creates the ticket, then the mail leaves the mailbox
        FakeTicketService.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMMITTED".equals(inbound(messageId).getString("status")));
        JsonPath m = inbound(messageId);
        assertThat(m.getLong("ticketId")).isPositive();
        assertThat(m.getList("decisions.stage")).containsExactly("loop-protection", "bounce", "auto-reply",
                "postmaster-filter", "follow-up");
        await().atMost(Duration.ofSeconds(30)).until(() -> inMailbox(messageId).isEmpty());

        List<FakeTicketService.Call> calls = FakeTicketService.callsWithMessageId(messageId);
        assertThat(calls).hasSize(1);
        FakeTicketService.Call create = calls.get(0);
        assertThat(create.path()).isEqualTo("/api/tickets");
        assertThat(create.authorization()).startsWith("Bearer ");
        assertThat(create.body().path("queueId").asLong()).isEqualTo(5);
        assertThat(create.body().path("channel").asText()).isEqualTo("email");
        assertThat(create.body().path("title").asText()).isEqualTo("Printer on fire");
        assertThat(create.body().path("article").path("from").asText()).isEqualTo("\"Customer One\" <customer1@example.com>");
        assertThat(create.body().path("article").path("body").asText()).contains("printer is on fire");
        assertThat(create.body().path("autoResponse").asBoolean()).isTrue();

        // the same mail delivered again: recognised by its Message-ID, removed, no second ticket
        MailServer.deliver(MailServer.mail(messageId, "Customer One <customer1@example.com>", QUEUE_ADDRESS,
                "Printer on fire", "Please help, the printer is on fire."), "customer1@example.com", mailbox);
        await().atMost(Duration.ofSeconds(30)).until(() -> inMailbox(messageId).isEmpty());
        assertThat(FakeTicketService.callsWithMessageId(messageId)).hasSize(1);
    }

    @Test
    void replyWithTheTicketNumberBecomesAFollowUpArticle() {
        FakeTicketService.start();
        String first = "first-" + UUID.randomUUID() + "@example.com";
        MailServer.deliver(MailServer.mail(first, "customer2@example.com", QUEUE_ADDRESS, "VPN down", "No VPN since 9:00."),
                "customer2@example.com", mailbox);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMMITTED".equals(status(first)));
        long ticketId = inbound(first).getLong("ticketId");
        String number = FakeTicketService.numberOf(ticketId);

        String reply = "reply-" + UUID.randomUUID() + "@example.com";
        MailServer.deliver(MailServer.mail(reply, "customer2@example.com", QUEUE_ADDRESS,
                "Re: [Ticket#" + number + "] VPN down", "Still down."), "customer2@example.com", mailbox);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMMITTED".equals(status(reply)));
        assertThat(inbound(reply).getLong("ticketId")).isEqualTo(ticketId);
        FakeTicketService.Call call = FakeTicketService.callsWithMessageId(reply).get(0);
        assertThat(call.path()).isEqualTo("/api/tickets/" + ticketId + "/articles");
        assertThat(call.body().path("kind").asText()).isEqualTo("email");
        assertThat(call.body().path("senderType").asText()).isEqualTo("customer");

        // threading without a number: In-Reply-To names the first mail
        String threaded = "threaded-" + UUID.randomUUID() + "@example.com";
        MailServer.deliver(MailServer.mail(threaded, "customer2@example.com", QUEUE_ADDRESS, "Re: VPN down", "Works now.",
                "In-Reply-To: <" + first + ">"), "customer2@example.com", mailbox);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMMITTED".equals(status(threaded)));
        assertThat(inbound(threaded).getLong("ticketId")).isEqualTo(ticketId);
    }

    @Test
    void unroutableMailIsQuarantinedAnnouncedAndReplaysAfterTheFix() {
        FakeTicketService.start();
        String messageId = "lost-" + UUID.randomUUID() + "@example.com";
        String unknownQueueAddress = "billing-" + UUID.randomUUID().toString().substring(0, 6) + "@relaydesk.local";
        EventEnvelope event;
        try (TopicRecorder quarantine = TopicRecorder.open(Topics.MAIL_QUARANTINE)) {
            MailServer.deliver(MailServer.mail(messageId, "customer3@example.org", unknownQueueAddress, "Invoice 42",
                    "Where is my invoice?"), "customer3@example.org", mailbox);
            await().atMost(Duration.ofSeconds(30)).until(() -> "QUARANTINED".equals(status(messageId)));
            String mailId = inbound(messageId).getString("id");
            event = quarantine.await(e -> e.aggregateId().equals(mailId), Duration.ofSeconds(20));
        }
        assertThat(event.type()).isEqualTo(MailEventTypes.MAIL_QUARANTINED);
        assertThat(event.payload().path("stage").asText()).isEqualTo("routing");
        assertThat(event.payload().path("reason").asText()).contains(unknownQueueAddress);
        // quarantined is final: kept in the store, so it may leave the mailbox
        await().atMost(Duration.ofSeconds(30)).until(() -> inMailbox(messageId).isEmpty());

        JsonPath list = given().auth().oauth2(admin()).get("/api/mail/quarantine").then().statusCode(200).extract().jsonPath();
        String entryId = list.getString("find { it.messageId == '" + messageId + "' }.id");
        assertThat(entryId).isNotNull();
        assertThat(list.getString("find { it.messageId == '" + messageId + "' }.reason")).contains("no system address");

        // the admin adds the missing queue address and replays
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("address", unknownQueueAddress, "displayName", "Billing", "queueId", 7))
                .post("/api/mail/system-addresses").then().statusCode(201);
        given().auth().oauth2(admin()).post("/api/mail/quarantine/" + entryId + "/replay").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("COMMITTED"));
        assertThat(FakeTicketService.callsWithMessageId(messageId).get(0).body().path("queueId").asLong()).isEqualTo(7);
        given().auth().oauth2(admin()).get("/api/mail/quarantine/" + entryId).then().statusCode(200)
                .body("replayCount", org.hamcrest.Matchers.equalTo(1))
                .body("releasedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void bytesThatAreNoMailAreQuarantinedWithTheParseReasonAndStayThereOnReplay() {
        String id = given().auth().oauth2(admin()).contentType("message/rfc822").body("this is not a mail at all".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/mail/inbound").then().statusCode(202)
                .body("status", org.hamcrest.Matchers.equalTo("QUARANTINED"))
                .extract().path("id");
        JsonPath list = given().auth().oauth2(admin()).get("/api/mail/quarantine").then().statusCode(200).extract().jsonPath();
        String entryId = list.getString("find { it.inboundMailId == '" + id + "' }.id");
        assertThat(list.getString("find { it.inboundMailId == '" + id + "' }.stage")).isEqualTo("parse");
        given().auth().oauth2(admin()).post("/api/mail/quarantine/" + entryId + "/replay").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("QUARANTINED"));
        given().auth().oauth2(admin()).get("/api/mail/inbound/" + id + "/raw").then().statusCode(200)
                .body(org.hamcrest.Matchers.equalTo("this is not a mail at all"));
    }

    @Test
    void mailAccountsNeedTheAdminRoleAndNeverShowThePassword() {
        given().auth().oauth2(KeycloakTokens.user("agent1")).get("/api/mail/accounts").then().statusCode(403);
        given().get("/api/mail/accounts").then().statusCode(401);
        given().auth().oauth2(admin()).get("/api/mail/accounts/" + accountId).then().statusCode(200)
                .body("login", org.hamcrest.Matchers.equalTo(mailbox))
                .body("protocol", org.hamcrest.Matchers.equalTo("IMAP"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("password")));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "bad", "protocol", "IMAP", "host", "h", "port", 143, "login", "x",
                        "dispatch", "QUEUE", "password", "p"))
                .post("/api/mail/accounts").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("queueId"));
    }

    @Test
    void imapIdleTakesNewMailAtOnceWithoutWaitingForThePollInterval() {
        FakeTicketService.start();
        String box = MailServer.newMailbox("mgw-idle");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.ofEntries(Map.entry("name", "idle " + box), Map.entry("protocol", "IMAP"),
                        Map.entry("host", "127.0.0.1"), Map.entry("port", 3143), Map.entry("tlsMode", "NONE"),
                        Map.entry("login", box), Map.entry("password", MailServer.PASSWORD),
                        Map.entry("dispatch", "QUEUE"), Map.entry("queueId", 3), Map.entry("pollIntervalSeconds", 3600),
                        Map.entry("useIdle", true)))
                .post("/api/mail/accounts").then().statusCode(201);
        // the fetcher's first pass (empty mailbox) is done once the account shows a fetch
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(admin()).get("/api/mail/accounts")
                .then().extract().jsonPath().getString("find { it.login == '" + box + "' }.lastFetchAt") != null);
        String messageId = "idle-" + UUID.randomUUID() + "@example.com";
        MailServer.deliver(MailServer.mail(messageId, "customer2@example.com", "sales@relaydesk.local", "Quote please",
                "Pushed by IDLE."), "customer2@example.com", box);
        // a poll would come after an hour: only IDLE can have noticed the mail
        await().atMost(Duration.ofSeconds(20)).until(() -> "COMMITTED".equals(status(messageId)));
        await().atMost(Duration.ofSeconds(20)).until(() -> MailServer.inbox(box).isEmpty());
    }

    @Test
    void pop3AccountBoundToAQueueFetchesAndDeletesAfterCommit() {
        FakeTicketService.start();
        String box = MailServer.newMailbox("mgw-pop");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "pop " + box, "protocol", "POP3", "host", "127.0.0.1", "port", 3110,
                        "tlsMode", "NONE", "login", box, "password", MailServer.PASSWORD,
                        "dispatch", "QUEUE", "queueId", 4, "pollIntervalSeconds", 1))
                .post("/api/mail/accounts").then().statusCode(201);
        String messageId = "pop-" + UUID.randomUUID() + "@example.com";
        MailServer.deliver(MailServer.mail(messageId, "customer3@example.org", "someone@elsewhere.example",
                "Via POP3", "Fetched over POP3."), "customer3@example.org", box);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMMITTED".equals(status(messageId)));
        assertThat(inbound(messageId).getString("sourceRef")).startsWith("pop3:");
        assertThat(FakeTicketService.callsWithMessageId(messageId).get(0).body().path("queueId").asLong()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(30)).until(() -> MailServer.inbox(box).isEmpty());
    }

    @Test
    void imapAccountCanMoveProcessedMailToAnotherFolder() {
        FakeTicketService.start();
        String box = MailServer.newMailbox("mgw-move");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.ofEntries(Map.entry("name", "move " + box), Map.entry("protocol", "IMAP"),
                        Map.entry("host", "127.0.0.1"), Map.entry("port", 3143), Map.entry("tlsMode", "NONE"),
                        Map.entry("login", box), Map.entry("password", MailServer.PASSWORD),
                        Map.entry("dispatch", "QUEUE"), Map.entry("queueId", 6), Map.entry("pollIntervalSeconds", 1),
                        Map.entry("useIdle", false), Map.entry("afterProcessing", "MOVE"),
                        Map.entry("moveToFolder", "RelayDesk/Processed")))
                .post("/api/mail/accounts").then().statusCode(201);
        String messageId = "move-" + UUID.randomUUID() + "@example.com";
        MailServer.deliver(MailServer.mail(messageId, "customer1@example.com", "triage@relaydesk.local",
                "Please move me", "Kept in a folder after processing."), "customer1@example.com", box);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMMITTED".equals(status(messageId)));
        await().atMost(Duration.ofSeconds(30)).until(() -> MailServer.inbox(box).isEmpty()
                && MailServer.folder(box, "RelayDesk/Processed").size() == 1);
        assertThat(MailServer.folder(box, "RelayDesk/Processed").get(0).seen()).isTrue();
    }

    @Test
    void aReleaseCutOffBetweenFlaggingAndExpungingIsFinishedByTheNextPassAndOtherClientsDeletionsAreLeftAlone() {
        FakeTicketService.start();
        String box = MailServer.newMailbox("mgw-cut");
        Map<String, Object> account = new java.util.HashMap<>(Map.ofEntries(Map.entry("name", "cut " + box),
                Map.entry("protocol", "IMAP"), Map.entry("host", "127.0.0.1"), Map.entry("port", 3143),
                Map.entry("tlsMode", "NONE"), Map.entry("login", box), Map.entry("password", MailServer.PASSWORD),
                Map.entry("dispatch", "QUEUE"), Map.entry("queueId", 3), Map.entry("pollIntervalSeconds", 1),
                Map.entry("useIdle", false), Map.entry("afterProcessing", "MARK_SEEN")));
        String id = given().auth().oauth2(admin()).contentType(ContentType.JSON).body(account)
                .post("/api/mail/accounts").then().statusCode(201).extract().path("id");
        String ours = "cut-" + UUID.randomUUID() + "@example.com";
        MailServer.deliver(MailServer.mail(ours, "customer1@example.com", "triage@relaydesk.local", "Taken",
                "Processed, flagged, then the gateway died."), "customer1@example.com", box);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMMITTED".equals(status(ours))
                && MailServer.inbox(box).stream().allMatch(MailServer.Seen::seen));
        // stop fetching, then leave the mailbox as a DELETE release killed before its expunge leaves it,
        // beside a mail another client deleted that the gateway never saw
        account.put("valid", false);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(account).put("/api/mail/accounts/" + id)
                .then().statusCode(200);
        String theirs = "theirs-" + UUID.randomUUID() + "@example.com";
        MailServer.deliver(MailServer.mail(theirs, "customer2@example.com", "triage@relaydesk.local", "Not ours",
                "Deleted by another client, not yet expunged."), "customer2@example.com", box);
        MailServer.flagDeletedWithoutExpunge(box, "<" + ours + ">");
        MailServer.flagDeletedWithoutExpunge(box, "<" + theirs + ">");
        assertThat(MailServer.inbox(box)).hasSize(2).allMatch(MailServer.Seen::deleted);

        account.put("valid", true);
        account.put("afterProcessing", "DELETE");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(account).put("/api/mail/accounts/" + id)
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> MailServer.inbox(box).size() == 1);
        assertThat(MailServer.inbox(box).get(0).messageId()).isEqualTo("<" + theirs + ">");
        assertThat(status(theirs)).as("a mail flagged deleted by someone else is no new mail").isNull();
        assertThat(FakeTicketService.callsWithMessageId(theirs)).isEmpty();
        assertThat(FakeTicketService.callsWithMessageId(ours)).hasSize(1);
    }

    @Test
    void mailWithoutMessageIdIsDedupedByContentAndSentWithASyntheticId() {
        FakeTicketService.start();
        byte[] raw = MailServer.mail(null, "customer2@example.com", QUEUE_ADDRESS, "No id " + UUID.randomUUID(), "Hello");
        String id = given().auth().oauth2(admin()).contentType("message/rfc822").body(raw).post("/api/mail/inbound")
                .then().statusCode(202).body("status", org.hamcrest.Matchers.equalTo("COMMITTED")).extract().path("id");
        given().auth().oauth2(admin()).contentType("message/rfc822").body(raw).post("/api/mail/inbound")
                .then().statusCode(200).body("duplicate", org.hamcrest.Matchers.equalTo(true))
                .body("id", org.hamcrest.Matchers.equalTo(id));
        String sha = org.relaydesk.mailgateway.service.InboundMailStore.sha256(raw);
        assertThat(FakeTicketService.callsWithMessageId("sha256." + sha.substring(0, 40) + "@inbound.relaydesk.invalid"))
                .hasSize(1);
    }

    @Test
    void postmasterFilterRoutesByQueueNameAndSetsPriorityAutoRepliesGetNoAutoResponse() {
        FakeTicketService.start();
        String marker = "URGENT-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "urgent " + marker, "conditions",
                        List.of(Map.of("field", "Subject", "operator", "CONTAINS", "pattern", marker)),
                        "actions", List.of(Map.of("type", "SetQueue", "queue", "Triage"),
                                Map.of("type", "SetPriority", "priority", 5))))
                .post("/api/mail/postmaster-filters").then().statusCode(201);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "broken", "conditions", List.of(Map.of("field", "Subject", "operator", "REGEX",
                        "pattern", "([")), "actions", List.of(Map.of("type", "Ignore"))))
                .post("/api/mail/postmaster-filters").then().statusCode(400);

        String messageId = "filtered-" + UUID.randomUUID() + "@example.com";
        given().auth().oauth2(admin()).contentType("message/rfc822")
                .body(MailServer.mail(messageId, "customer1@example.com", QUEUE_ADDRESS, marker + " server down",
                        "Out of office: back Monday.", "Auto-Submitted: auto-replied"))
                .post("/api/mail/inbound").then().statusCode(202).body("status", org.hamcrest.Matchers.equalTo("COMMITTED"));
        FakeTicketService.Call create = FakeTicketService.callsWithMessageId(messageId).get(0);
        assertThat(create.body().path("queueId").asLong()).as("Triage by name").isEqualTo(6);
        assertThat(create.body().path("priority").asInt()).isEqualTo(5);
        assertThat(create.body().path("autoResponse").asBoolean()).as("auto-replies are never answered").isFalse();
        assertThat(inbound(messageId).getList("decisions.decision").toString()).contains("urgent " + marker);
    }

    @jakarta.inject.Inject
    org.relaydesk.mailgateway.service.InboundMailStore store;
    @jakarta.inject.Inject
    org.relaydesk.mailgateway.repository.InboundMailRepository inboundMails;

    @Test
    void mailOfAWorkerThatDiedAfterTicketServiceCommittedIsRetriedAfterItsLeaseWithoutASecondTicket() {
        FakeTicketService.start();
        String messageId = "crash-" + UUID.randomUUID() + "@example.com";
        byte[] raw = MailServer.mail(messageId, "customer1@example.com", QUEUE_ADDRESS, "Crash test", "Hello");
        // first run: the ticket is created, then the gateway "dies" before recording it
        given().auth().oauth2(admin()).contentType("message/rfc822").body(raw).post("/api/mail/inbound")
                .then().statusCode(202).body("status", org.hamcrest.Matchers.equalTo("COMMITTED"));
        long ticketId = inbound(messageId).getLong("ticketId");
        String id = inbound(messageId).getString("id");
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            var m = inboundMails.findById(UUID.fromString(id));
            m.status = org.relaydesk.mailgateway.InboundStatus.PROCESSING;
            m.ticketId = null;
            m.nextAttemptAt = java.time.Instant.now().minusSeconds(1);
        });
        // the retry job takes the expired lease; ticket-service finds the article by its Message-ID
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMMITTED".equals(status(messageId))
                && inbound(messageId).get("ticketId") != null);
        assertThat(inbound(messageId).getLong("ticketId")).isEqualTo(ticketId);
        assertThat(inbound(messageId).getInt("attempts")).isEqualTo(2);
        List<FakeTicketService.Call> calls = FakeTicketService.callsWithMessageId(messageId);
        assertThat(calls).hasSize(2).allMatch(c -> c.path().equals("/api/tickets"));
        assertThat(FakeTicketService.ticketsCreatedFor(messageId)).isEqualTo(1);
    }

    @jakarta.inject.Inject
    org.relaydesk.mailgateway.intake.SmtpIntake intake;

    @Test
    void mtaDeliversOverSmtpIntakeAndTheEnvelopeRecipientRoutesTheMail() {
        FakeTicketService.start();
        String messageId = "mta-" + UUID.randomUUID() + "@example.com";
        // To: names nobody we know; only the envelope recipient (as Delivered-To) names the queue address
        MailServer.deliverTo(intake.port(), MailServer.mail(messageId, "customer1@example.com",
                "undisclosed-recipients:;", "Pushed by the MTA", "Delivered over SMTP into the gateway."),
                "customer1@example.com", QUEUE_ADDRESS);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMMITTED".equals(status(messageId)));
        assertThat(inbound(messageId).getString("sourceRef")).isEqualTo("smtp");
        assertThat(FakeTicketService.callsWithMessageId(messageId).get(0).body().path("queueId").asLong()).isEqualTo(5);
    }

    static String status(String messageId) {
        JsonPath m = inbound(messageId);
        return m == null ? null : m.getString("status");
    }

    /** The stored mail with this Message-ID, or null. */
    static JsonPath inbound(String messageId) {
        JsonPath all = given().auth().oauth2(admin()).queryParam("limit", 1000).get("/api/mail/inbound")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> m = all.getMap("find { it.messageId == '" + messageId + "' }");
        return m == null ? null : JsonPath.from(org.relaydesk.contracts.Json.write(m));
    }

    static List<MailServer.Seen> inMailbox(String messageId) {
        return MailServer.inbox(mailbox).stream().filter(s -> ("<" + messageId + ">").equals(s.messageId())).toList();
    }
}
