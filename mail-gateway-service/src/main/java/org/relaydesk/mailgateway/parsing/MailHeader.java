package org.relaydesk.mailgateway.parsing;

/**
 * One header field as it arrived.
 *
 * @param name the field name as written (compare case-insensitively)
 * @param rawValue the value unfolded, raw 8-bit bytes decoded, RFC 2047 words still encoded
 *        (what structured-header parsers need)
 * @param value the value with RFC 2047 encoded words decoded (what filters and people read)
 */
public record MailHeader(String name, String rawValue, String value) {
}
