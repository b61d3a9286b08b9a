package org.relaydesk.mailgateway.parsing;

/**
 * A non-body part of a message: a file, an inline image, a nested message, a signature.
 *
 * @param fileName the decoded original file name (RFC 2231 / RFC 2047), path components
 *        and control characters removed; for a nested message without a name, its subject
 *        made file-name safe plus ".eml"; for other unnamed parts "file-N" plus an extension
 * @param contentType the MIME type in lower case, without parameters (e.g. {@code image/png})
 * @param charset the declared charset of a text attachment, or null
 * @param contentId the Content-ID without angle brackets (what {@code cid:} URLs in the HTML
 *        body refer to), or null
 * @param disposition "inline" or "attachment" as declared; "attachment" when not declared
 * @param size the decoded size in bytes
 * @param content the decoded bytes (for a nested message: the message as sent, headers included)
 */
public record MailAttachment(
        String fileName,
        String contentType,
        String charset,
        String contentId,
        String disposition,
        long size,
        byte[] content) {

    /** Whether the part is shown inside the body (an image referenced by {@code cid:}). */
    public boolean inline() {
        return "inline".equals(disposition);
    }

    @Override
    public String toString() {
        return "MailAttachment[" + fileName + ", " + contentType + ", " + size + " bytes"
                + (contentId == null ? "" : ", cid " + contentId) + ", " + disposition + "]";
    }
}
