package org.relaydesk.mailgateway.testing;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.relaydesk.testsupport.LocalStack;

/**
 * The local stack's Dovecot (deploy/local/mta.sh) as this module's tests see it: the mailbox
 * {@value #USER}, which only these tests use, with a folder of its own per test, so nothing of other
 * tests (e.g. the e2e Postfix/Dovecot flow on support@) is fetched or deleted. The helper itself
 * reads over plain IMAP on {@value #IMAP_PORT}; the gateway's accounts are the ones that use TLS.
 */
public final class Dovecot {

    public static final String USER = "mailgw-test@relaydesk.test";
    /** A mailbox for the POP3 tests only (POP3 sees only the INBOX). */
    public static final String POP_USER = "mailgw-pop@relaydesk.test";
    public static final String PASSWORD = "secret";
    public static final String HOST = "127.0.0.1";
    /** Plain IMAP with optional STARTTLS. */
    public static final int IMAP_PORT = 10143;
    /** IMAP over TLS from the first byte. */
    public static final int IMAPS_PORT = 10993;
    /** POP3 over TLS from the first byte. */
    public static final int POP3S_PORT = 10995;
    /** Postfix: SMTP with optional STARTTLS; mail for @relaydesk.test goes to Dovecot. */
    public static final int SMTP_PORT = 2525;
    /** Postfix: SMTP over TLS from the first byte. */
    public static final int SMTPS_PORT = 10465;

    private Dovecot() {
    }

    /** The local CA the stack's mail servers' certificate is signed by. */
    public static Path caFile() {
        return LocalStack.home().resolve("mta/tls/ca.pem");
    }

    /** Fails with a hint when the stack's mail servers are not up with TLS. */
    public static void requireTls() {
        if (!LocalStack.listening(IMAPS_PORT) || !LocalStack.listening(POP3S_PORT) || !LocalStack.listening(SMTPS_PORT)
                || !Files.isRegularFile(caFile())) {
            throw new IllegalStateException("Dovecot IMAPS 127.0.0.1:" + IMAPS_PORT + ", POP3S " + POP3S_PORT
                    + ", Postfix SMTPS " + SMTPS_PORT + " or " + caFile() + " missing: deploy/local/stack.sh up mta");
        }
    }

    /** Creates a fresh folder {@code <prefix>-<random>} in {@link #USER}'s mailbox. */
    public static String newFolder(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        with(store -> {
            Folder f = store.getFolder(name);
            if (!f.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("Dovecot did not create folder " + name);
            }
            return null;
        });
        return name;
    }

    /** Puts a raw mail into a folder (IMAP APPEND, no flags), as if it had been delivered there. */
    public static void append(String folder, byte[] raw) {
        with(store -> {
            Folder f = store.getFolder(folder);
            MimeMessage m = new MimeMessage(session(), new ByteArrayInputStream(raw)) {
                @Override
                protected void updateMessageID() {
                    // keep the test's Message-ID
                }
            };
            m.setFlags(new Flags(Flags.Flag.SEEN), false);
            f.appendMessages(new Message[] {m});
            return null;
        });
    }

    /** The Message-IDs of the mails in a folder not flagged \Deleted; nothing is changed. */
    public static List<String> messageIds(String folder) {
        return messageIds(USER, folder);
    }

    /** The Message-IDs in the INBOX of {@link #POP_USER} (read over IMAP); nothing is changed. */
    public static List<String> popInboxMessageIds() {
        return messageIds(POP_USER, "INBOX");
    }

    private static List<String> messageIds(String user, String folder) {
        return with(user, store -> {
            Folder f = store.getFolder(folder);
            if (!f.exists()) {
                return List.of();
            }
            f.open(Folder.READ_ONLY);
            try {
                List<String> ids = new ArrayList<>();
                for (Message m : f.getMessages()) {
                    try {
                        String[] id = m.getHeader("Message-ID");
                        if (!m.isSet(Flags.Flag.DELETED) && id != null) {
                            ids.add(id[0]);
                        }
                    } catch (jakarta.mail.MessageRemovedException e) {
                        // expunged by the gateway while we looked
                    }
                }
                return ids;
            } finally {
                f.close(false);
            }
        });
    }

    /** The INBOX mail with this Subject, raw (headers included), or null; nothing is changed. */
    public static byte[] inboxMailWithSubject(String subject) {
        return with(store -> {
            Folder f = store.getFolder("INBOX");
            f.open(Folder.READ_ONLY);
            try {
                Message[] found = f.search(new jakarta.mail.search.SubjectTerm(subject));
                if (found.length == 0) {
                    return null;
                }
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                found[0].writeTo(out);
                return out.toByteArray();
            } finally {
                f.close(false);
            }
        });
    }

    /** Deletes the INBOX mails with this Subject (the test's own, so the mailbox does not grow). */
    public static void deleteFromInbox(String subject) {
        with(store -> {
            Folder f = store.getFolder("INBOX");
            f.open(Folder.READ_WRITE);
            for (Message m : f.search(new jakarta.mail.search.SubjectTerm(subject))) {
                m.setFlag(Flags.Flag.DELETED, true);
            }
            f.close(true);
            return null;
        });
    }

    /** Deletes a test folder and what is left in it. */
    public static void deleteFolder(String folder) {
        with(store -> {
            Folder f = store.getFolder(folder);
            if (f.exists()) {
                f.delete(true);
            }
            return null;
        });
    }

    private interface StoreWork<T> {
        T run(Store store) throws Exception;
    }

    private static <T> T with(StoreWork<T> work) {
        return with(USER, work);
    }

    private static <T> T with(String user, StoreWork<T> work) {
        try (Store store = session().getStore("imap")) {
            store.connect(HOST, IMAP_PORT, user, PASSWORD);
            return work.run(store);
        } catch (Exception e) {
            throw new IllegalStateException("Dovecot IMAP 127.0.0.1:" + IMAP_PORT + " as " + user + ": " + e.getMessage()
                    + " (is the stack's mta up? deploy/local/stack.sh up mta)", e);
        }
    }

    private static Session session() {
        Properties p = new Properties();
        p.setProperty("mail.imap.peek", "true");
        p.setProperty("mail.imap.connectiontimeout", "5000");
        p.setProperty("mail.imap.timeout", "10000");
        return Session.getInstance(p);
    }
}
