package org.relaydesk.mailgateway.parsing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words ({@code =?charset?Q|B?text?=}) in unstructured header text,
 * decoded leniently, the way mail clients do rather than the way the RFC allows:
 * <ul>
 *   <li>linear whitespace between two adjacent encoded words is dropped (RFC 2047 §6.2);</li>
 *   <li>adjacent words in the same charset are joined as bytes before decoding, so a
 *       multi-byte character split across two words (common with Q encoding) survives;</li>
 *   <li>encoded words glued to ordinary text ({@code foo=?utf-8?Q?bar?=}) are decoded too;</li>
 *   <li>an RFC 2231 language suffix ({@code utf-8*de}) is ignored;</li>
 *   <li>unknown charsets fall back as in {@link MailCharsets}, broken Base64 is decoded as far
 *       as it goes, and the word is kept literally only when nothing can be decoded.</li>
 * </ul>
 * Raw 8-bit bytes in the header (no encoding at all) are handled before this step by
 * {@link #fromRawHeader(String)}.
 */
public final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*)\\?=");
    private static final Pattern LINEAR_WHITESPACE = Pattern.compile("[ \\t\\r\\n]*");

    private EncodedWords() {
    }

    /** Decodes every encoded word in {@code text}; text without encoded words is returned as is. */
    public static String decode(String text, List<String> warnings) {
        if (text == null || text.indexOf("=?") < 0) {
            return text;
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        // bytes of a run of adjacent encoded words in the same charset
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        String runCharset = null;
        while (m.find()) {
            String between = text.substring(last, m.start());
            boolean adjacent = runCharset != null && LINEAR_WHITESPACE.matcher(between).matches();
            String charsetLabel = m.group(1);
            if (!adjacent || !sameCharset(runCharset, charsetLabel)) {
                if (runCharset != null) {
                    out.append(decodeBytes(run.toByteArray(), runCharset, warnings));
                    run.reset();
                }
                if (!adjacent) {
                    out.append(between);
                }
                runCharset = charsetLabel;
            }
            byte[] bytes = m.group(2).equalsIgnoreCase("B")
                    ? TransferDecoding.base64(m.group(3).getBytes(StandardCharsets.ISO_8859_1))
                    : qDecode(m.group(3));
            run.writeBytes(bytes);
            last = m.end();
        }
        if (runCharset != null) {
            out.append(decodeBytes(run.toByteArray(), runCharset, warnings));
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    /**
     * Header text as read by Jakarta Mail (one char per byte, ISO-8859-1) turned into real
     * characters: raw 8-bit bytes are read as UTF-8 when valid, otherwise windows-1252.
     * Text that is already beyond Latin-1 (e.g. parsed with UTF-8 headers) is returned as is.
     */
    public static String fromRawHeader(String value) {
        if (value == null) {
            return null;
        }
        boolean eightBit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value;
            }
            if (c > 0x7F) {
                eightBit = true;
            }
        }
        if (!eightBit) {
            return value;
        }
        return MailCharsets.decodeRaw8bit(value.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Removes folding: CRLF (or LF) followed by whitespace becomes the whitespace. */
    public static String unfold(String value) {
        if (value == null) {
            return null;
        }
        return value.replaceAll("\\r?\\n(?=[ \\t])", "").replaceAll("[\\r\\n]", "");
    }

    private static boolean sameCharset(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    private static String decodeBytes(byte[] bytes, String label, List<String> warnings) {
        return MailCharsets.decode(bytes, label, "encoded word", warnings);
    }

    /** The "Q" encoding: like quoted-printable, with '_' for space. Bad escapes stay literal. */
    static byte[] qDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c > 0xFF ? '?' : c);
            }
        }
        return out.toByteArray();
    }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
