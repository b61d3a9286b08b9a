package org.relaydesk.mailgateway.parsing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parameterised header value such as {@code Content-Type} or {@code Content-Disposition}:
 * the leading value (lower case) and its parameters (names lower case, values decoded).
 *
 * <p>Parsing is lenient: quoted or bare values, stray whitespace, missing quotes at the end,
 * duplicate parameters (first wins), and RFC 2231 extended parameters including
 * continuations ({@code filename*0*=utf-8''%C3%A4; filename*1=.txt}) with their charset.
 * Values that carry RFC 2047 encoded words (not allowed, but sent by Outlook, Thunderbird
 * and others for file names) are decoded as well, and a parameter hidden inside an encoded
 * word ({@code =?ISO-8859-2?Q?charset=3D"ISO-8859-2"?=}) is recovered.
 *
 * @param value the part before the first ';', lower case and trimmed (e.g. {@code text/plain})
 * @param parameters decoded parameters, names in lower case, in order of appearance
 */
public record HeaderParameters(String value, Map<String, String> parameters) {

    public HeaderParameters {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A parameter's decoded value, or null. */
    public String get(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }

    /** Parses {@code header} (already unfolded); null or blank gives an empty value. */
    public static HeaderParameters parse(String header, List<String> warnings) {
        if (header == null || header.isBlank()) {
            return new HeaderParameters("", Map.of());
        }
        List<String> segments = split(header);
        String value = segments.get(0).trim().toLowerCase(Locale.ROOT);
        Map<String, String> plain = new LinkedHashMap<>();
        // RFC 2231: name -> (section -> [encoded?, text])
        Map<String, TreeMap<Integer, String[]>> extended = new LinkedHashMap<>();
        for (int i = 1; i < segments.size(); i++) {
            String segment = segments.get(i).trim();
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith("=?")) {
                segment = EncodedWords.decode(segment, warnings).trim();
            }
            int eq = segment.indexOf('=');
            if (eq <= 0) {
                warnings.add("ignored malformed header parameter '" + segment + "'");
                continue;
            }
            String name = segment.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String raw = segment.substring(eq + 1).trim();
            String text = unquote(raw);
            int star = name.indexOf('*');
            if (star < 0) {
                plain.putIfAbsent(name, text);
                continue;
            }
            String base = name.substring(0, star);
            String rest = name.substring(star + 1);
            boolean encoded = rest.endsWith("*") || rest.isEmpty();
            String sectionText = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
            int section = 0;
            if (!sectionText.isEmpty()) {
                try {
                    section = Integer.parseInt(sectionText);
                } catch (NumberFormatException e) {
                    warnings.add("ignored malformed RFC 2231 parameter '" + name + "'");
                    continue;
                }
            }
            extended.computeIfAbsent(base, k -> new TreeMap<>())
                    .putIfAbsent(section, new String[] {encoded ? "1" : "0", text});
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : plain.entrySet()) {
            result.put(e.getKey(), EncodedWords.decode(e.getValue(), warnings));
        }
        for (Map.Entry<String, TreeMap<Integer, String[]>> e : extended.entrySet()) {
            // an RFC 2231 value wins over a plain one of the same name (clients send both)
            result.put(e.getKey(), decode2231(e.getValue(), e.getKey(), warnings));
        }
        return new HeaderParameters(value, result);
    }

    private static String decode2231(TreeMap<Integer, String[]> sections, String name, List<String> warnings) {
        String charset = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (String[] section : sections.values()) {
            String text = section[1];
            boolean encoded = section[0].equals("1");
            if (encoded && first) {
                int q1 = text.indexOf('\'');
                int q2 = q1 < 0 ? -1 : text.indexOf('\'', q1 + 1);
                if (q2 > 0) {
                    charset = text.substring(0, q1);
                    text = text.substring(q2 + 1);
                } else if (q1 < 0) {
                    // no charset'language' prefix; treat as percent-encoded anyway
                } else {
                    warnings.add("RFC 2231 parameter '" + name + "' has a malformed charset prefix");
                    text = text.substring(q1 + 1);
                }
            }
            first = false;
            if (encoded) {
                percentDecode(text, bytes);
            } else {
                bytes.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        String decoded = MailCharsets.decode(bytes.toByteArray(), charset, "parameter " + name, warnings);
        return EncodedWords.decode(decoded, warnings);
    }

    private static void percentDecode(String text, ByteArrayOutputStream out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && EncodedWords.isHex(text.charAt(i + 1))
                    && EncodedWords.isHex(text.charAt(i + 2))) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c > 0xFF) {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else {
                out.write(c);
            }
        }
    }

    /** Splits at ';' outside double quotes (backslash escapes honoured). */
    static List<String> split(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (inQuotes && c == '\\' && i + 1 < header.length()) {
                current.append(c).append(header.charAt(++i));
                continue;
            }
            if (c == '"') {
                inQuotes = !inQuotes;
            }
            if (c == ';' && !inQuotes) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }

    static String unquote(String raw) {
        if (!raw.startsWith("\"")) {
            // bare token; cut trailing comments or junk after whitespace only when it is a comment
            int paren = raw.indexOf(" (");
            return paren > 0 ? raw.substring(0, paren).trim() : raw;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                out.append(raw.charAt(++i));
            } else if (c == '"') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
