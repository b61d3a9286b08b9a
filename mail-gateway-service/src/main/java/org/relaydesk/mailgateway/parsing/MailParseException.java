package org.relaydesk.mailgateway.parsing;

/**
 * The input cannot be read as a mail at all (empty, no header fields, not text). The
 * message says why; the caller quarantines the raw bytes with that reason. Everything less
 * severe is a parse warning on {@link ParsedMail#warnings()}, never an exception.
 */
public class MailParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public MailParseException(String reason) {
        super(reason);
    }

    public MailParseException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
