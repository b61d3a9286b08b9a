package org.relaydesk.mailgateway.parsing;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What {@link MailParser} makes of one inbound mail: best-effort values plus the warnings
 * met on the way. The raw bytes are not part of it; the caller keeps them untouched.
 *
 * @param messageId the Message-ID without angle brackets, or null when absent
 * @param inReplyTo the first id of In-Reply-To without brackets, or null
 * @param references the ids of References, oldest first, without brackets
 * @param from the author (From; Sender or Return-Path when From is missing), or null
 * @param to the To addresses
 * @param cc the Cc addresses
 * @param replyTo the Reply-To addresses
 * @param subject the decoded subject, unfolded, otherwise as sent (leading and trailing
 *        spaces kept); empty when absent
 * @param date the Date header, or null when absent or unreadable
 * @param headers all header fields of the top-level message
 * @param contentType the top-level Content-Type as sent (unfolded), e.g.
 *        {@code multipart/report; report-type=delivery-status; boundary=...}; "text/plain" when absent
 * @param bodyText the body as plain text: the text/plain part(s), or the HTML reduced to
 *        text when the mail has only HTML; empty when the mail has no text
 * @param bodyHtml the HTML body sanitised (scripts, event handlers, forms and remote
 *        frames removed; {@code cid:} image references kept), or null when there is no HTML
 * @param attachments files, inline images, nested messages and signatures, in MIME order
 * @param reportParts delivery-status and similar report parts, in MIME order
 * @param signed whether the mail is signed (multipart/signed or S/MIME signed-data)
 * @param encrypted whether the mail is encrypted (multipart/encrypted or S/MIME enveloped-data)
 * @param warnings what was broken and how it was read, in the order met
 */
public record ParsedMail(
        String messageId,
        String inReplyTo,
        List<String> references,
        MailAddress from,
        List<MailAddress> to,
        List<MailAddress> cc,
        List<MailAddress> replyTo,
        String subject,
        OffsetDateTime date,
        MailHeaders headers,
        String contentType,
        String bodyText,
        String bodyHtml,
        List<MailAttachment> attachments,
        List<ReportPart> reportParts,
        boolean signed,
        boolean encrypted,
        List<String> warnings) {

    public ParsedMail {
        references = List.copyOf(references);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        replyTo = List.copyOf(replyTo);
        attachments = List.copyOf(attachments);
        reportParts = List.copyOf(reportParts);
        warnings = List.copyOf(warnings);
    }

    /** The sender's address in lower case, or "" when unknown. */
    public String fromAddress() {
        return from == null ? "" : from.address();
    }

    /** The sender's display name, or "". */
    public String fromName() {
        return from == null ? "" : from.name();
    }

    /** The decoded value of the first header field {@code name}, or null. */
    public String header(String name) {
        return headers.first(name);
    }

    /** The MIME type of the top-level part in lower case, without parameters. */
    public String mimeType() {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }
}
