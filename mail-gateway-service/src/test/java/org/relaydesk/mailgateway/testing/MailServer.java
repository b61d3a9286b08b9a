package org.relaydesk.mailgateway.testing;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.relaydesk.testsupport.LocalStack;

/**
 * The local stack's GreenMail as a test sees it: a mailbox of its own per test class (created
 * through GreenMail's API, so no other engineer's mail is fetched or deleted), SMTP delivery with
 * an explicit envelope, and a read-only IMAP look at a mailbox (BODY.PEEK: looking sets no flag).
 */
public final class MailServer {

    public static final String PASSWORD = "secret";
    private static final int API_PORT = 8089;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A message as seen in a mailbox: its headers and flags. */
    public record Seen(String messageId, String subject, String from, String inReplyTo, String references,
            String autoSubmitted, boolean seen, boolean deleted, String contentType, byte[] raw) {
    }

    private MailServer() {
    }

    /** Creates a fresh mailbox {@code <prefix>-<random>@relaydesk.local} (login = address, password {@link #PASSWORD}). */
    public static String newMailbox(String prefix) {
        String address = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@relaydesk.local";
        String body = "{\"email\":\"" + address + "\",\"login\":\"" + address + "\",\"password\":\"" + PASSWORD + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + API_PORT + "/api/user"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("GreenMail refused the user " + address + ": " + response.statusCode()
                        + " " + response.body());
            }
            return address;
        } catch (IOException e) {
            throw new IllegalStateException("GreenMail's API is not reachable on port " + API_PORT
                    + " (is the local stack up? deploy/local/stack.sh up greenmail)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Delivers raw bytes over SMTP to the envelope recipients, whatever the header says. */
    public static void deliver(byte[] raw, String envelopeFrom, String... envelopeTo) {
        deliverTo(LocalStack.SMTP_PORT, raw, envelopeFrom, envelopeTo);
    }

    /** Delivers raw bytes over SMTP to 127.0.0.1:port. */
    public static void deliverTo(int port, byte[] raw, String envelopeFrom, String... envelopeTo) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", LocalStack.SMTP_HOST);
        p.setProperty("mail.smtp.port", String.valueOf(port));
        p.setProperty("mail.smtp.from", envelopeFrom);
        p.setProperty("mail.smtp.connectiontimeout", "5000");
        p.setProperty("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(p);
        try {
            MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw)) {
                @Override
                protected void updateMessageID() {
                    // keep the test's Message-ID (or its absence)
                }
            };
            InternetAddress[] to = new InternetAddress[envelopeTo.length];
            for (int i = 0; i < envelopeTo.length; i++) {
                to[i] = new InternetAddress(envelopeTo[i]);
            }
            try (Transport t = session.getTransport("smtp")) {
                t.connect();
                t.sendMessage(m, to);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("GreenMail SMTP did not take the mail: " + e.getMessage(), e);
        }
    }

    /** A simple text mail as raw bytes (CRLF line ends). */
    public static byte[] mail(String messageId, String from, String to, String subject, String body, String... extraHeaders) {
        StringBuilder sb = new StringBuilder();
        sb.append("From: ").append(from).append("\r\n");
        sb.append("To: ").append(to).append("\r\n");
        sb.append("Subject: ").append(subject).append("\r\n");
        sb.append("Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n");
        if (messageId != null) {
            sb.append("Message-ID: <").append(messageId).append(">\r\n");
        }
        for (String h : extraHeaders) {
            sb.append(h).append("\r\n");
        }
        sb.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
        sb.append(body.replace("\n", "\r\n")).append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The messages in a mailbox's INBOX, flags included; nothing is changed. Retried when an expunge races the read. */
    public static List<Seen> inbox(String login) {
        return folder(login, "INBOX");
    }

    /** The messages of a folder (empty when the folder does not exist); nothing is changed. */
    public static List<Seen> folder(String login, String folder) {
        IllegalStateException last = null;
        for (int i = 0; i < 3; i++) {
            try {
                return inboxOnce(login, folder);
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * The INBOX messages with this Message-ID, found by an IMAP SEARCH on the server, so a test's
     * wait does not slow down as the shared mailbox fills up; nothing is changed.
     */
    public static List<Seen> withMessageId(String login, String messageId) {
        return read(login, "INBOX", new jakarta.mail.search.HeaderTerm("Message-ID", messageId));
    }

    /**
     * Flags the INBOX messages with this Message-ID {@code \Deleted} and closes the folder without
     * expunging, as a client cut off between flagging and expunging leaves them.
     */
    public static void flagDeletedWithoutExpunge(String login, String messageId) {
        Properties p = new Properties();
        p.setProperty("mail.imap.connectiontimeout", "5000");
        p.setProperty("mail.imap.timeout", "10000");
        try (Store store = Session.getInstance(p).getStore("imap")) {
            store.connect(LocalStack.SMTP_HOST, LocalStack.IMAP_PORT, login, PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] found = inbox.search(new jakarta.mail.search.HeaderTerm("Message-ID", messageId));
            if (found.length == 0) {
                throw new IllegalStateException("no mail " + messageId + " in the INBOX of " + login);
            }
            inbox.setFlags(found, new Flags(Flags.Flag.DELETED), true);
            inbox.close(false);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot flag a mail of " + login + ": " + e.getMessage(), e);
        }
    }

    private static List<Seen> inboxOnce(String login, String folder) {
        return read(login, folder, null);
    }

    private static List<Seen> read(String login, String folder, jakarta.mail.search.SearchTerm term) {
        Properties p = new Properties();
        p.setProperty("mail.imap.peek", "true");
        p.setProperty("mail.imap.connectiontimeout", "5000");
        p.setProperty("mail.imap.timeout", "10000");
        Session session = Session.getInstance(p);
        try (Store store = session.getStore("imap")) {
            store.connect(LocalStack.SMTP_HOST, LocalStack.IMAP_PORT, login, PASSWORD);
            Folder inbox = store.getFolder(folder);
            if (!inbox.exists()) {
                return List.of();
            }
            inbox.open(Folder.READ_ONLY);
            try {
                List<Seen> list = new ArrayList<>();
                for (Message m : term == null ? inbox.getMessages() : inbox.search(term)) {
                    try {
                        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                        m.writeTo(out);
                        list.add(new Seen(first(m, "Message-ID"), m.getSubject(), first(m, "From"),
                                first(m, "In-Reply-To"), first(m, "References"), first(m, "Auto-Submitted"),
                                m.isSet(Flags.Flag.SEEN), m.isSet(Flags.Flag.DELETED), m.getContentType(), out.toByteArray()));
                    } catch (MessagingException e) {
                        if (!m.isExpunged() && !(e instanceof jakarta.mail.MessageRemovedException)) {
                            throw e;
                        }
                        // expunged by the gateway while we looked
                    }
                }
                return list;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read the mailbox of " + login + ": " + e.getMessage(), e);
        }
    }

    private static String first(Message m, String name) throws MessagingException {
        String[] v = m.getHeader(name);
        return v == null || v.length == 0 ? null : v[0];
    }
}
