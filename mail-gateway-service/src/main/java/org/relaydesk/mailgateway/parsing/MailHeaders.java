package org.relaydesk.mailgateway.parsing;

import java.util.List;

/**
 * The header fields of a message, in their original order, looked up case-insensitively.
 *
 * @param fields every field, duplicates included
 */
public record MailHeaders(List<MailHeader> fields) {

    public MailHeaders {
        fields = List.copyOf(fields);
    }

    /** The decoded value of the first field called {@code name}, or null. */
    public String first(String name) {
        for (MailHeader h : fields) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    /** The raw (still RFC 2047 encoded) value of the first field called {@code name}, or null. */
    public String firstRaw(String name) {
        for (MailHeader h : fields) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.rawValue();
            }
        }
        return null;
    }

    /** The decoded values of all fields called {@code name}, in order. */
    public List<String> all(String name) {
        return fields.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(MailHeader::value).toList();
    }

    /** Whether a field called {@code name} is present. */
    public boolean has(String name) {
        return first(name) != null;
    }

    /** All fields whose name starts with {@code prefix} (case-insensitive), e.g. "X-OTRS-". */
    public List<MailHeader> withPrefix(String prefix) {
        return fields.stream().filter(h -> h.name().regionMatches(true, 0, prefix, 0, prefix.length())).toList();
    }
}
