package org.relaydesk.bench;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.LocalStack;
import org.relaydesk.testsupport.Mailboxes;

/**
 * Mail intake through the running platform: N mails wait in a GreenMail IMAP mailbox (delivered
 * over SMTP first, not timed), then an IMAP account bound to a new queue is created and the clock
 * runs until the mailbox is empty — the mail-gateway deletes a mail only after ticket-service
 * committed its ticket — and the queue is checked to hold N tickets. Prints mails/s.
 *
 * <p>Run: {@code bench/run.sh MailIntakeBench [mails=10000]} (platform up: {@code ./relaydesk up}).
 */
public final class MailIntakeBench {

    private static final String GATEWAY = "http://127.0.0.1:8080";

    public static void main(String[] args) throws Exception {
        int mails = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String admin = KeycloakTokens.user("admin");
        String mailbox = "bench-" + suffix + "@relaydesk.local";
        Mailboxes.create(mailbox);
        String queue = post(GATEWAY + "/api/admin/queues", admin, "{\"name\":\"Bench " + suffix
                + "\",\"groupId\":1,\"systemAddressId\":1,\"salutationId\":1,\"signatureId\":1}");
        long queueId = org.relaydesk.contracts.Json.MAPPER.readTree(queue).path("id").asLong();

        long t0 = System.nanoTime();
        Session session = Mailboxes.session();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(LocalStack.SMTP_HOST, LocalStack.SMTP_PORT, null, null);
            for (int i = 0; i < mails; i++) {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress("customer" + (i % 3 + 1) + "@example.org"));
                m.setRecipients(Message.RecipientType.TO, mailbox);
                m.setSubject("Bench " + suffix + " mail " + i + ": the printer on floor " + (i % 7) + " is jammed");
                m.setText("Hello,\n\nthe printer on floor " + (i % 7) + " shows error E" + (i % 97)
                        + " again since this morning. Could someone have a look?\n\nThanks,\nCustomer " + (i % 3 + 1) + "\n");
                m.saveChanges();
                transport.sendMessage(m, m.getAllRecipients());
            }
        }
        while (Mailboxes.count(mailbox) < mails) {
            Thread.sleep(200);
        }
        System.out.printf("delivered %d mails to %s in %.1f s (not timed below)%n", mails, mailbox, (System.nanoTime() - t0) / 1e9);

        long start = System.nanoTime();
        post(GATEWAY + "/api/mail/accounts", admin, "{\"name\":\"bench " + suffix + "\",\"protocol\":\"IMAP\",\"host\":\""
                + LocalStack.SMTP_HOST + "\",\"port\":" + LocalStack.IMAP_PORT + ",\"tlsMode\":\"NONE\",\"login\":\"" + mailbox
                + "\",\"password\":\"" + Mailboxes.PASSWORD + "\",\"dispatch\":\"QUEUE\",\"queueId\":" + queueId
                + ",\"pollIntervalSeconds\":1,\"afterProcessing\":\"DELETE\"}");
        int left = mails;
        long lastPrint = start;
        while (left > 0) {
            Thread.sleep(1000);
            left = Mailboxes.count(mailbox);
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                System.out.printf("  %6.1f s: %d of %d committed%n", (lastPrint - start) / 1e9, mails - left, mails);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("MailIntakeBench mails=%d  all committed as tickets in %.1f s  =>  %.0f mails/s%n", mails, seconds, mails / seconds);
        System.out.println("queue " + queueId + " (Bench " + suffix + ") holds " + ticketCount(admin, queueId) + " tickets");
    }

    private static long ticketCount(String token, long queueId) throws Exception {
        long n = 0;
        String cursor = null;
        do {
            String body = get(GATEWAY + "/api/tickets?queueId=" + queueId + "&limit=200&sort=id"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)), token);
            var page = org.relaydesk.contracts.Json.MAPPER.readTree(body);
            n += page.path("items").size();
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return n;
    }

    private static String post(String url, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = Load.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String get(String url, String token) throws Exception {
        HttpResponse<String> r = Load.HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private MailIntakeBench() {
    }
}
