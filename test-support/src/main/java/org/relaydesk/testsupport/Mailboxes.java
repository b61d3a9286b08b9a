package org.relaydesk.testsupport;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * Mailboxes on the local stack's IMAP servers, as tests and benchmarks read them (GreenMail by
 * default; password {@value #PASSWORD}).
 */
public final class Mailboxes {

    public static final String PASSWORD = "secret";
    private static final String API = "http://127.0.0.1:8089";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Mailboxes() {
    }

    /** (Re)creates a GreenMail mailbox with login = address, empty. */
    public static void create(String address) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(API + "/api/user/" + address)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(API + "/api/user"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + address + "\",\"login\":\"" + address
                            + "\",\"password\":\"" + PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() >= 300) {
                throw new IllegalStateException("GreenMail did not create " + address + ": " + created.statusCode() + " " + created.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GreenMail's API is not reachable on " + API, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Session session() {
        Properties p = new Properties();
        p.put("mail.smtp.host", LocalStack.SMTP_HOST);
        p.put("mail.smtp.port", Integer.toString(LocalStack.SMTP_PORT));
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.imap.connectiontimeout", "5000");
        p.put("mail.imap.timeout", "10000");
        p.put("mail.imap.peek", "true");
        return Session.getInstance(p);
    }

    /** How many mails the INBOX holds. */
    public static int count(String login) throws Exception {
        return count(LocalStack.IMAP_PORT, login);
    }

    /** How many mails the INBOX of an IMAP server on this port holds. */
    public static int count(int imapPort, String login) throws Exception {
        try (Store store = session().getStore("imap")) {
            store.connect(LocalStack.SMTP_HOST, imapPort, login, PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.getMessageCount();
            } finally {
                inbox.close(false);
            }
        }
    }

    /** Deletes every mail in the INBOX of an IMAP server on this port. */
    public static void empty(int imapPort, String login) throws Exception {
        try (Store store = session().getStore("imap")) {
            store.connect(LocalStack.SMTP_HOST, imapPort, login, PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message m : inbox.getMessages()) {
                m.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
            }
            inbox.close(true);
        }
    }

    /** The first INBOX mail whose subject matches, as a detached copy; nothing is changed. */
    public static Optional<MimeMessage> find(String login, Predicate<String> subject) throws Exception {
        try (Store store = session().getStore("imap")) {
            store.connect(LocalStack.SMTP_HOST, LocalStack.IMAP_PORT, login, PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                for (Message m : inbox.getMessages()) {
                    if (m.getSubject() != null && subject.test(m.getSubject())) {
                        return Optional.of(new MimeMessage((MimeMessage) m));
                    }
                }
                return Optional.empty();
            } finally {
                inbox.close(false);
            }
        }
    }
}
