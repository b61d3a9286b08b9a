package org.relaydesk.mailgateway.fetch;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** An open mailbox of one mail account. Not thread-safe apart from {@link #wake()}. */
public interface MailboxConnection extends AutoCloseable {

    /** The mails still in the mailbox that the gateway may not have taken yet. */
    List<RemoteMail> pending() throws MessagingException;

    /** Loads these mails' bytes in one round trip where the protocol allows (IMAP); {@link #raw} then reads them locally. */
    default void prefetch(List<RemoteMail> mails) throws MessagingException {
    }

    /** The mail's raw bytes, exactly as the server holds them; does not mark it seen. */
    byte[] raw(RemoteMail mail) throws MessagingException, IOException;

    /** Lets go of processed mails as the account says (flag/delete/move); only for mails stored and final. */
    void release(List<RemoteMail> mails) throws MessagingException;

    /** Whether the connection stays open between fetches (IMAP) or is made anew each time (POP3). */
    boolean persistent();

    /** Waits until the server reports new mail (IMAP IDLE) or {@code max} has passed or {@link #wake()} was called. */
    void await(Duration max) throws MessagingException;

    /** Ends a wait early; callable from any thread. */
    void wake();

    /** A short description for logs: protocol, host, folder, and IDLE when used. */
    String describe();

    @Override
    void close();
}
