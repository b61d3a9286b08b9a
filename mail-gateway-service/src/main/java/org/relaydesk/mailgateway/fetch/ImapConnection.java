package org.relaydesk.mailgateway.fetch;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;
import org.relaydesk.mailgateway.AfterProcessing;
import org.relaydesk.mailgateway.MailAccount;
import org.relaydesk.mailgateway.MailProtocol;
import org.relaydesk.mailgateway.service.MailTls;

/**
 * An IMAP folder opened read-write. New mail is awaited with IDLE when the account wants it and the
 * server has it, else by polling. Reading uses BODY.PEEK, so nothing is flagged before the gateway
 * has stored and processed a mail; then it is flagged {@code \Seen \Deleted} and expunged (UID
 * EXPUNGE where the server has UIDPLUS), only flagged {@code \Seen}, or moved.
 */
final class ImapConnection implements MailboxConnection {

    private static final Logger LOG = Logger.getLogger(ImapConnection.class);
    private static final ScheduledExecutorService POKER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "imap-idle-poker");
        t.setDaemon(true);
        return t;
    });

    private final MailAccount account;
    private final IMAPStore store;
    private final IMAPFolder folder;
    private final boolean idle;
    private volatile Thread waiting;

    ImapConnection(MailAccount account, String password, Duration timeout, MailTls tls) throws MessagingException {
        this.account = account;
        String proto = MailSessions.protocol(MailProtocol.IMAP, account.tlsMode);
        Store s = MailSessions.session(proto, account.tlsMode, timeout, tls).getStore(proto);
        s.connect(account.host, account.port, account.username, password);
        this.store = (IMAPStore) s;
        try {
            this.folder = (IMAPFolder) store.getFolder(account.folder);
            folder.open(Folder.READ_WRITE);
            this.idle = account.useIdle && store.hasCapability("IDLE");
        } catch (MessagingException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Every mail not yet released; with DELETE and MOVE also those already flagged {@code \Deleted}
     * ({@link RemoteMail#deleted()}), so that a release cut off between flagging and expunging
     * (a crash) is finished by the next pass instead of leaving the mails in the folder for ever.
     */
    @Override
    public List<RemoteMail> pending() throws MessagingException {
        boolean markSeen = account.afterProcessing == AfterProcessing.MARK_SEEN;
        Message[] messages = markSeen ? folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))
                : folder.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        if (!markSeen) {
            profile.add(FetchProfile.Item.FLAGS);
        }
        folder.fetch(messages, profile);
        long validity = folder.getUIDValidity();
        List<RemoteMail> list = new ArrayList<>(messages.length);
        for (Message m : messages) {
            boolean deleted = !markSeen && m.isSet(Flags.Flag.DELETED);
            list.add(new RemoteMail("imap:" + validity + ":" + folder.getUID(m), m, deleted));
        }
        return list;
    }

    @Override
    public void prefetch(List<RemoteMail> mails) throws MessagingException {
        if (mails.isEmpty()) {
            return;
        }
        FetchProfile profile = new FetchProfile();
        profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
        folder.fetch(mails.stream().map(RemoteMail::message).toArray(Message[]::new), profile);
    }

    @Override
    public byte[] raw(RemoteMail mail) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, mail.message().getSize()));
        mail.message().writeTo(out);
        return out.toByteArray();
    }

    @Override
    public void release(List<RemoteMail> mails) throws MessagingException {
        Message[] messages = mails.stream().filter(m -> !m.deleted()).map(RemoteMail::message).toArray(Message[]::new);
        // flagged by a release that did not get to its expunge (a crash): only the expunge is missing
        Message[] leftovers = mails.stream().filter(RemoteMail::deleted).map(RemoteMail::message).toArray(Message[]::new);
        if (messages.length > 0) {
            switch (account.afterProcessing) {
                case MARK_SEEN -> folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
                case DELETE -> {
                    Flags flags = new Flags(Flags.Flag.SEEN);
                    flags.add(Flags.Flag.DELETED);
                    folder.setFlags(messages, flags, true);
                    expunge(messages);
                }
                case MOVE -> {
                    folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
                    Folder target = store.getFolder(account.moveToFolder);
                    if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
                        throw new MessagingException("cannot create folder " + account.moveToFolder);
                    }
                    if (store.hasCapability("MOVE")) {
                        folder.moveMessages(messages, target);
                    } else {
                        folder.copyMessages(messages, target);
                        folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
                        expunge(messages);
                    }
                }
                default -> throw new IllegalStateException("unknown after-processing " + account.afterProcessing);
            }
        }
        if (leftovers.length > 0) {
            expunge(leftovers);
        }
    }

    private void expunge(Message[] messages) throws MessagingException {
        if (store.hasCapability("UIDPLUS")) {
            folder.expunge(messages);
        } else {
            folder.expunge();
        }
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public void await(Duration max) throws MessagingException {
        if (idle) {
            ScheduledFuture<?> poke = POKER.schedule(this::wake, max.toMillis(), TimeUnit.MILLISECONDS);
            try {
                folder.idle(true);
            } finally {
                poke.cancel(false);
            }
        } else {
            waiting = Thread.currentThread();
            try {
                LockSupport.parkNanos(max.toNanos());
            } finally {
                waiting = null;
            }
            // keeps the connection alive and notices a server that went away
            folder.getMessageCount();
        }
    }

    @Override
    public void wake() {
        if (idle) {
            try {
                // any command from another thread ends a running IDLE
                folder.doCommand(p -> {
                    p.simpleCommand("NOOP", null);
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                LOG.debugf("IDLE wake-up of %s failed: %s", account.name, e.getMessage());
            }
        } else {
            Thread t = waiting;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    @Override
    public String describe() {
        return "IMAP " + account.host + ":" + account.port + "/" + account.folder + (idle ? " (IDLE)" : " (polling)");
    }

    @Override
    public void close() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.debugf("closing %s: %s", account.name, e.getMessage());
        }
        try {
            store.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debugf("closing %s: %s", account.name, e.getMessage());
        }
    }
}
