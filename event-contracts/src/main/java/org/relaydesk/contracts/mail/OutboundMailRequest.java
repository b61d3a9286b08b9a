package org.relaydesk.contracts.mail;

import java.util.List;
import java.util.Map;

/**
 * Payload of {@code OutboundMailRequested} (version 1) on {@code mail.outbound}: another service
 * (e.g. notification-service for agent notifications) asks the mail-gateway to send a mail. The
 * envelope's id makes the request idempotent; the result comes back on {@code mail.delivery}
 * with {@code requestId}.
 *
 * @param requestId  the caller's id for the request (returned in the delivery result)
 * @param ticketId   the ticket the mail is about, or null
 * @param ticketNumber the ticket number (tagged into the subject when given), or null
 * @param queueId    the queue whose system address is the sender when {@code from} is null
 * @param from       the From address (may carry a display name), or null for the queue's address
 *                   or the gateway's default sender
 * @param to         To addresses, comma separated
 * @param cc         Cc addresses, or null
 * @param bcc        Bcc addresses, or null
 * @param subject    the subject
 * @param bodyText   the plain-text body
 * @param bodyHtml   an HTML body, or null
 * @param inReplyTo  In-Reply-To, or null
 * @param references References, or null
 * @param headers    extra header fields, e.g. {@code X-RelayDesk-Notification}
 * @param attachments files to attach (keep them small: they travel inside the event)
 */
public record OutboundMailRequest(
        String requestId,
        Long ticketId,
        String ticketNumber,
        Long queueId,
        String from,
        String to,
        String cc,
        String bcc,
        String subject,
        String bodyText,
        String bodyHtml,
        String inReplyTo,
        String references,
        Map<String, String> headers,
        List<Attachment> attachments) {

    /**
     * A file to attach.
     *
     * @param filename      file name
     * @param contentType   MIME type
     * @param contentBase64 the content, base64-encoded
     */
    public record Attachment(String filename, String contentType, String contentBase64) {
    }
}
