package org.relaydesk.mailgateway.pipeline;

/**
 * A delivery failure report (RFC 3464 DSN) for a mail RelayDesk sent.
 *
 * @param originalMessageId the Message-ID of the returned mail (without brackets), or null
 *        when the report does not include it
 * @param failedRecipient the recipient that failed (Final-Recipient, else Original-Recipient), or null
 * @param action the Action field (failed, delayed, ...), or null
 * @param status the Status field (e.g. 5.1.1), or null
 * @param diagnostic the Diagnostic-Code field, unfolded, or null
 */
public record Bounce(String originalMessageId, String failedRecipient, String action, String status, String diagnostic) {

    /** Whether this is a permanent or final failure rather than a delay or success notice. */
    public boolean failed() {
        if (action != null) {
            return action.equalsIgnoreCase("failed");
        }
        return status == null || status.startsWith("5") || status.startsWith("4");
    }
}
