package org.relaydesk.mailgateway.fetch;

import jakarta.mail.Message;

/**
 * A mail in a mailbox: where it is ({@code imap:<uidvalidity>:<uid>} or {@code pop3:<uidl>}), the
 * handle to read or release it, and whether it is already flagged {@code \Deleted} (IMAP: a release
 * that flagged it and was cut off before the expunge, or another client's deletion).
 */
public record RemoteMail(String sourceRef, Message message, boolean deleted) {

    public RemoteMail(String sourceRef, Message message) {
        this(sourceRef, message, false);
    }
}
