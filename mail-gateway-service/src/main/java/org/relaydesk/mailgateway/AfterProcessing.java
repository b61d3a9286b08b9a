package org.relaydesk.mailgateway;

/**
 * What happens to a mail in its mailbox once it is safely stored and processed (never before):
 * flag it {@code \Seen} and {@code \Deleted} and expunge (POP3: delete), only flag it
 * {@code \Seen} (IMAP only; POP3 deletes), or move it to another folder (IMAP only).
 */
public enum AfterProcessing {
    DELETE,
    MARK_SEEN,
    MOVE
}
