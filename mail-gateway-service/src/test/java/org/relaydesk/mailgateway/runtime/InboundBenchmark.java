package org.relaydesk.mailgateway.runtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.relaydesk.mailgateway.InboundStatus;
import org.relaydesk.mailgateway.fetch.FetchCycle;
import org.relaydesk.mailgateway.fetch.MailboxFetcher;
import org.relaydesk.mailgateway.repository.InboundMailRepository;
import org.relaydesk.mailgateway.testing.FakeTicketService;
import org.relaydesk.mailgateway.testing.FakeTicketServiceResource;
import org.relaydesk.mailgateway.testing.MailServer;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.LocalStack;

/**
 * Inbound throughput: N mails waiting in an IMAP mailbox (GreenMail) → one fetch pass stores all
 * of them raw, processes them (parse, pipeline, one ticket-service call each, to the stand-in
 * {@link FakeTicketService}) and expunges them; prints mails/s. Skipped unless asked for:
 *
 * <pre>
 * mvn -B -q -pl mail-gateway-service -am verify -Dtest=InboundBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Drelaydesk.benchmark=true -Drelaydesk.benchmark.mails=2000
 * </pre>
 *
 * (Not picked up by a plain {@code verify}: the class name does not end in Test.) The figure is printed as {@code BENCHMARK ...} in
 * {@code mail-gateway-service/target/surefire-reports/*InboundBenchmark-output.txt}. The ticket-service
 * side is the stand-in, so this measures the gateway (and GreenMail, PostgreSQL) alone.
 */
@QuarkusTest
@QuarkusTestResource(FakeTicketServiceResource.class)
@EnabledIfSystemProperty(named = "relaydesk.benchmark", matches = "true")
class InboundBenchmark {

    @Inject
    InboundMailRepository mails;
    @Inject
    MailboxFetcher fetcher;

    @Test
    void mailsPerSecond() throws Exception {
        int n = Integer.getInteger("relaydesk.benchmark.mails", 1000);
        FakeTicketService.start();
        String box = MailServer.newMailbox("mgw-bench");
        long appendStart = System.nanoTime();
        append(box, n);
        System.out.printf("BENCHMARK setup: %d mails appended to GreenMail in %.1f s%n", n, (System.nanoTime() - appendStart) / 1e9);
        String admin = KeycloakTokens.user("admin");
        String accountId = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "bench " + box, "protocol", "IMAP", "host", "127.0.0.1", "port", LocalStack.IMAP_PORT,
                        "tlsMode", "NONE", "login", box, "password", MailServer.PASSWORD,
                        "dispatch", "QUEUE", "queueId", 2, "valid", false))
                .post("/api/mail/accounts").then().statusCode(201).extract().path("id");
        long committedBefore = committed();

        long start = System.nanoTime();
        int passes = 0;
        int released = 0;
        while (released < n && passes < 20) {
            FetchCycle.Report r = fetcher.fetchNow(UUID.fromString(accountId));
            System.out.printf("BENCHMARK pass %d after %.1f s: %s%n", passes + 1, (System.nanoTime() - start) / 1e9, r);
            released += r.released();
            passes++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        long committed = committed() - committedBefore;
        System.out.printf("BENCHMARK inbound: %d mails in %.1f s = %.0f mails/s (%d fetch passes, %d committed, "
                + "%d left in the mailbox)%n", n, seconds, n / seconds, passes, committed, MailServer.inbox(box).size());
        assertThat(committed).isEqualTo(n);
        assertThat(released).isEqualTo(n);
    }

    private long committed() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> mails.countByStatus(InboundStatus.COMMITTED));
    }

    /** Puts n distinct mails into the mailbox with IMAP APPEND, in batches. */
    static void append(String login, int n) throws Exception {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect(LocalStack.SMTP_HOST, LocalStack.IMAP_PORT, login, MailServer.PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            List<Message> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] raw = MailServer.mail("bench-" + i + "-" + UUID.randomUUID() + "@example.com",
                        "Customer " + i + " <customer" + (i % 50) + "@example.com>", "support@relaydesk.local",
                        "Benchmark mail " + i, "Body of benchmark mail " + i + ".\nSecond line.");
                MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw));
                m.setFlags(new Flags(), true);
                batch.add(m);
                if (batch.size() == 200 || i == n - 1) {
                    inbox.appendMessages(batch.toArray(Message[]::new));
                    batch.clear();
                }
            }
            inbox.close(false);
        }
    }
}
