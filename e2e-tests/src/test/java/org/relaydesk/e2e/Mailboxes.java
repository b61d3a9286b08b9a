package org.relaydesk.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.relaydesk.testsupport.LocalStack;

/** The local GreenMail server's mailboxes, as the e2e tests read them (IMAP, password {@value #PASSWORD}). */
final class Mailboxes {

    static final String PASSWORD = "secret";
    private static final String API = "http://127.0.0.1:8089";

    private Mailboxes() {
    }

    /** (Re)creates a mailbox with login = address, empty. */
    static void create(String address) {
        given().baseUri(API).delete("/api/user/" + address);
        given().baseUri(API).contentType(ContentType.JSON)
                .body(Map.of("email", address, "login", address, "password", PASSWORD))
                .post("/api/user").then().statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    static Session session() {
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
    static int count(String login) throws Exception {
        return count(LocalStack.IMAP_PORT, login);
    }

    /** How many mails the INBOX of an IMAP server on this port holds. */
    static int count(int imapPort, String login) throws Exception {
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
    static void empty(int imapPort, String login) throws Exception {
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
    static Optional<MimeMessage> find(String login, Predicate<String> subject) throws Exception {
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
