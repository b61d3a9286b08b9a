package org.relaydesk.mailgateway.fetch;

import jakarta.mail.Message;

/**
 * A mail in a mailbox: where it is ({@code imap:<uidvalidity>:<uid>} or {@code pop3:<uidl>}) and
 * the handle to read or release it.
 */
public record RemoteMail(String sourceRef, Message message) {
}
