package org.relaydesk.mailgateway;

/** How a mail account is fetched. */
public enum MailProtocol {
    IMAP,
    POP3
}
