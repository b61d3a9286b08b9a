package org.relaydesk.mailgateway.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message ids from Message-ID, In-Reply-To and References. Ids are returned without the
 * angle brackets ({@code 1234@example.com}), the form RelayDesk stores and compares.
 * Lenient: ids without brackets, comments and phrases around them (old In-Reply-To style
 * {@code "Your message of ..." <id>}), whitespace inside ids.
 */
public final class MessageIds {

    private static final Pattern BRACKETED = Pattern.compile("<([^<>]*)>");
    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");

    private MessageIds() {
    }

    /** All ids in the header, in order, without duplicates. */
    public static List<String> all(String header) {
        List<String> ids = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return ids;
        }
        Matcher m = BRACKETED.matcher(header);
        while (m.find()) {
            String id = m.group(1).replaceAll("\\s+", "");
            if (!id.isEmpty() && !ids.contains(id)) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            // no brackets: whitespace separated tokens that look like ids
            for (String token : COMMENT.matcher(header).replaceAll(" ").trim().split("[\\s,]+")) {
                if (token.contains("@") && !ids.contains(token)) {
                    ids.add(token);
                }
            }
            if (ids.isEmpty() && !header.isBlank() && !header.trim().contains(" ")) {
                ids.add(header.trim());
            }
        }
        return ids;
    }

    /** The first id in the header, or null. */
    public static String first(String header) {
        List<String> ids = all(header);
        return ids.isEmpty() ? null : ids.get(0);
    }
}
