package org.relaydesk.mailgateway.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lenient RFC 5322 address-list parser: {@code name <addr>}, quoted names with escapes,
 * bare addresses, comments (nested), groups ({@code undisclosed-recipients:;}),
 * RFC 2047 encoded names, and the usual breakage (unquoted commas are separators, a missing
 * '>' closes at the end, names with raw 8-bit bytes). Display names are decoded after the
 * structure is known, so an encoded comma or '<' in a name never splits an address.
 * Never throws; unparseable fragments are skipped with a warning.
 */
public final class AddressParser {

    private AddressParser() {
    }

    /** Parses an unfolded header value (raw 8-bit already decoded, encoded words not yet). */
    public static List<MailAddress> parse(String header, List<String> warnings) {
        List<MailAddress> out = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        StringBuilder phrase = new StringBuilder(); // display name, or bare address
        StringBuilder angle = null;                 // inside <...>
        String angleAddress = null;
        String comment = null;                      // last comment, in case it holds the address
        int i = 0;
        int n = header.length();
        while (i < n) {
            char c = header.charAt(i);
            if (c == '"') {
                int end = i + 1;
                StringBuilder q = new StringBuilder();
                while (end < n && header.charAt(end) != '"') {
                    if (header.charAt(end) == '\\' && end + 1 < n) {
                        end++;
                    }
                    q.append(header.charAt(end));
                    end++;
                }
                // quoted text is kept verbatim; mark it so it is never taken for an address
                (angle != null ? angle : phrase).append('\u0001').append(q).append('\u0002');
                i = end + 1;
            } else if (c == '(' && angle == null) {
                int depth = 1;
                int end = i + 1;
                while (end < n && depth > 0) {
                    char d = header.charAt(end);
                    if (d == '\\') {
                        end++;
                    } else if (d == '(') {
                        depth++;
                    } else if (d == ')') {
                        depth--;
                    }
                    end++;
                }
                comment = header.substring(i + 1, Math.max(i + 1, end - 1));
                i = end; // comments are not display names
                phrase.append(' ');
            } else if (c == '<' && angle == null) {
                angle = new StringBuilder();
                i++;
            } else if (c == '>' && angle != null) {
                angleAddress = angle.toString();
                angle = null;
                i++;
            } else if (c == ':' && angle == null && !phrase.toString().contains("@")) {
                // group name: forget it, the members follow
                phrase.setLength(0);
                i++;
            } else if ((c == ',' || c == ';') && angle == null) {
                add(out, phrase.toString(), angleAddress, comment, warnings);
                phrase.setLength(0);
                angleAddress = null;
                comment = null;
                i++;
            } else {
                (angle != null ? angle : phrase).append(c);
                i++;
            }
        }
        if (angle != null) {
            warnings.add("address header has '<' without '>': " + header);
            angleAddress = angle.toString();
        }
        add(out, phrase.toString(), angleAddress, comment, warnings);
        return out;
    }

    /** The first address of a header, or null. */
    public static MailAddress first(String header, List<String> warnings) {
        List<MailAddress> all = parse(header, warnings);
        return all.isEmpty() ? null : all.get(0);
    }

    private static void add(List<MailAddress> out, String phrase, String angleAddress, String comment,
            List<String> warnings) {
        String name;
        String address;
        if (angleAddress != null) {
            address = clean(angleAddress);
            name = phrase;
        } else if (!clean(phrase).contains("@") && comment != null && comment.contains("@")
                && !comment.trim().contains(" ")) {
            // "Name (user@example.com)": the address was written as a comment
            warnings.add("address taken from a comment: " + comment.trim());
            address = clean(comment);
            name = phrase;
        } else {
            String bare = clean(phrase);
            if (bare.isEmpty()) {
                return;
            }
            if (!bare.contains("@") && !isToken(bare)) {
                warnings.add("address without '@' and with spaces ignored: " + bare);
                return;
            }
            address = bare;
            name = "";
        }
        // remove quote markers: quoted strings are taken literally, but encoded words inside
        // them are decoded anyway (many mailers quote encoded names)
        name = name.replace("\u0001", "").replace("\u0002", "").replaceAll("\\s+", " ").trim();
        name = EncodedWords.decode(name, warnings).trim();
        if (address.isEmpty() && name.isEmpty()) {
            return;
        }
        out.add(new MailAddress(address.toLowerCase(Locale.ROOT), name));
    }

    private static String clean(String address) {
        String a = address.replace("\u0001", "").replace("\u0002", "").trim();
        if (a.startsWith("mailto:")) {
            a = a.substring("mailto:".length());
        }
        // source routes (<@relay:user@host>) and whitespace
        int colon = a.lastIndexOf(':');
        if (a.startsWith("@") && colon > 0) {
            a = a.substring(colon + 1);
        }
        return a.replaceAll("\\s+", "");
    }

    private static boolean isToken(String s) {
        return !s.isEmpty() && s.chars().noneMatch(Character::isWhitespace);
    }
}
