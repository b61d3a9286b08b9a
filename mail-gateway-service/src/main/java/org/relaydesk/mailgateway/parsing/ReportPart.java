package org.relaydesk.mailgateway.parsing;

/**
 * A machine-readable report part: {@code message/delivery-status} (RFC 3464),
 * {@code message/disposition-notification} (RFC 8098) or {@code text/rfc822-headers}.
 * Kept out of the body; bounce detection reads them.
 *
 * @param contentType the MIME type in lower case
 * @param text the decoded text of the part
 */
public record ReportPart(String contentType, String text) {
}
