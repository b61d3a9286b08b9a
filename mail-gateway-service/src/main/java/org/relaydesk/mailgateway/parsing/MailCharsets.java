package org.relaydesk.mailgateway.parsing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Charset labels as mail software writes them, and text decoding that never throws.
 *
 * <p>Labels are resolved the way the WHATWG Encoding Standard (and so every browser and
 * most mail clients) does: a label names the superset that senders really use, e.g.
 * {@code iso-8859-1} and {@code us-ascii} decode as windows-1252, {@code ks_c_5601-1987}
 * and {@code euc-kr} as windows-949, {@code gb2312} as GBK, {@code shift_jis} as
 * windows-31j, {@code iso-2022-jp} with the NEC/IBM extensions. Unknown or invalid labels
 * fall back to a guess: UTF-8 when the bytes are valid UTF-8, otherwise windows-1252
 * (which maps every byte), and say so in a warning.
 */
public final class MailCharsets {

    /** Windows-1252: the fallback that decodes any byte sequence. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Map<String, String> SUPERSETS = Map.ofEntries(
            Map.entry("us-ascii", "windows-1252"),
            Map.entry("ascii", "windows-1252"),
            Map.entry("ansi_x3.4-1968", "windows-1252"),
            Map.entry("iso-8859-1", "windows-1252"),
            Map.entry("iso8859-1", "windows-1252"),
            Map.entry("iso_8859-1", "windows-1252"),
            Map.entry("latin1", "windows-1252"),
            Map.entry("l1", "windows-1252"),
            Map.entry("iso-8859-9", "windows-1254"),
            Map.entry("latin5", "windows-1254"),
            Map.entry("iso-8859-11", "x-windows-874"),
            Map.entry("tis-620", "x-windows-874"),
            Map.entry("windows-874", "x-windows-874"),
            Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("ks_c_5601-1989", "x-windows-949"),
            Map.entry("ksc5601", "x-windows-949"),
            Map.entry("euc-kr", "x-windows-949"),
            Map.entry("cp949", "x-windows-949"),
            Map.entry("gb2312", "GBK"),
            Map.entry("gb_2312-80", "GBK"),
            Map.entry("x-gbk", "GBK"),
            Map.entry("chinese", "GBK"),
            Map.entry("big5", "Big5-HKSCS"),
            Map.entry("x-x-big5", "Big5-HKSCS"),
            Map.entry("shift_jis", "windows-31j"),
            Map.entry("shift-jis", "windows-31j"),
            Map.entry("sjis", "windows-31j"),
            Map.entry("x-sjis", "windows-31j"),
            Map.entry("ms_kanji", "windows-31j"),
            Map.entry("iso-2022-jp", "x-windows-50221"),
            Map.entry("csiso2022jp", "x-windows-50221"),
            Map.entry("utf8", "UTF-8"),
            Map.entry("unicode-1-1-utf-8", "UTF-8"),
            Map.entry("x-unicode20utf8", "UTF-8"),
            Map.entry("macintosh", "x-MacRoman"),
            Map.entry("mac", "x-MacRoman"),
            Map.entry("x-mac-roman", "x-MacRoman"));

    /** Labels that say nothing about the bytes. */
    private static final List<String> NON_LABELS = List.of(
            "", "unknown", "unknown-8bit", "x-unknown", "default", "none", "charset", "x-user-defined");

    private MailCharsets() {
    }

    /**
     * The charset a label names, widened to the superset senders actually use; empty when the
     * label is missing, meaningless or unknown to this JVM.
     */
    public static Optional<Charset> forLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String key = label.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        int star = key.indexOf('*'); // RFC 2231 language suffix: utf-8*en
        if (star >= 0) {
            key = key.substring(0, star);
        }
        if (NON_LABELS.contains(key)) {
            return Optional.empty();
        }
        String name = SUPERSETS.getOrDefault(key, key);
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            if (!name.equals(key)) {
                try {
                    return Optional.of(Charset.forName(key));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException ignored) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Decodes bytes labelled with {@code label} (may be null). Never throws: a missing or
     * unknown label is guessed (UTF-8 if valid, else windows-1252); bytes that are not valid
     * in the declared charset are read as windows-1252 when UTF-8 was declared (the usual
     * mislabel), otherwise with replacement characters. Each guess adds a warning.
     *
     * @param what names the text in warnings, e.g. "body part 1.2"
     */
    public static String decode(byte[] bytes, String label, String what, List<String> warnings) {
        if (bytes.length == 0) {
            return "";
        }
        Optional<Charset> declared = forLabel(label);
        if (declared.isEmpty()) {
            if (isAscii(bytes)) {
                return new String(bytes, StandardCharsets.US_ASCII);
            }
            boolean labelled = label != null && !label.isBlank();
            Optional<String> utf8 = strict(bytes, StandardCharsets.UTF_8);
            String guess = utf8.isPresent() ? "UTF-8" : "windows-1252";
            warnings.add(what + ": " + (labelled ? "unknown charset '" + label.trim() + "'" : "8-bit text without charset")
                    + ", read as " + guess);
            return utf8.orElseGet(() -> new String(bytes, WINDOWS_1252));
        }
        Charset charset = declared.get();
        Optional<String> text = strict(bytes, charset);
        if (text.isPresent()) {
            return text.get();
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            warnings.add(what + ": not valid UTF-8 as declared, read as windows-1252");
            return new String(bytes, WINDOWS_1252);
        }
        warnings.add(what + ": bytes not valid in declared charset " + charset.name() + ", undecodable bytes replaced");
        return new String(bytes, charset);
    }

    /**
     * Decodes header bytes that arrived as raw 8-bit (no RFC 2047): UTF-8 when valid,
     * otherwise windows-1252.
     */
    public static String decodeRaw8bit(byte[] bytes) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        return strict(bytes, StandardCharsets.UTF_8).orElseGet(() -> new String(bytes, WINDOWS_1252));
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    static Optional<String> strict(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
