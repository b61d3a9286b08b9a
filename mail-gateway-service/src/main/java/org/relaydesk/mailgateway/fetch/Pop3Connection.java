package org.relaydesk.mailgateway.fetch;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.jboss.logging.Logger;
import org.relaydesk.mailgateway.AfterProcessing;
import org.relaydesk.mailgateway.MailAccount;
import org.relaydesk.mailgateway.MailProtocol;
import org.relaydesk.mailgateway.service.MailTls;

/**
 * A POP3 INBOX session. Mails are known by their UIDL; a processed mail is marked for deletion and
 * the deletion is committed when the session ends (QUIT), unless the account keeps mail on the
 * server (MARK_SEEN: the UIDL is remembered instead). POP3 sees new mail only in a new session.
 */
final class Pop3Connection implements MailboxConnection {

    private static final Logger LOG = Logger.getLogger(Pop3Connection.class);

    private final MailAccount account;
    private final Store store;
    private final POP3Folder folder;

    Pop3Connection(MailAccount account, String password, Duration timeout, MailTls tls) throws MessagingException {
        this.account = account;
        String proto = MailSessions.protocol(MailProtocol.POP3, account.tlsMode);
        this.store = MailSessions.session(proto, account.tlsMode, timeout, tls).getStore(proto);
        store.connect(account.host, account.port, account.username, password);
        try {
            this.folder = (POP3Folder) store.getFolder("INBOX");
            folder.open(Folder.READ_WRITE);
        } catch (MessagingException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public List<RemoteMail> pending() throws MessagingException {
        Message[] messages = folder.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(messages, profile);
        List<RemoteMail> list = new ArrayList<>(messages.length);
        for (Message m : messages) {
            list.add(new RemoteMail("pop3:" + folder.getUID(m), m));
        }
        return list;
    }

    @Override
    public byte[] raw(RemoteMail mail) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        mail.message().writeTo(out);
        return out.toByteArray();
    }

    @Override
    public void release(List<RemoteMail> mails) throws MessagingException {
        if (account.afterProcessing == AfterProcessing.MARK_SEEN) {
            return;
        }
        for (RemoteMail m : mails) {
            m.message().setFlag(Flags.Flag.DELETED, true);
        }
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public void await(Duration max) {
        // POP3 has no push; the fetcher reconnects after its poll interval
    }

    @Override
    public void wake() {
        // nothing waits on a POP3 session
    }

    @Override
    public String describe() {
        return "POP3 " + account.host + ":" + account.port;
    }

    @Override
    public void close() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(true);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.warnf("closing POP3 %s (deletions may not be committed; the mails stay known by UIDL): %s",
                    account.name, e.getMessage());
        }
        try {
            store.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debugf("closing %s: %s", account.name, e.getMessage());
        }
    }
}
