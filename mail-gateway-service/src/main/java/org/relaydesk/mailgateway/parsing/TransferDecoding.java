package org.relaydesk.mailgateway.parsing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;

/**
 * Content-Transfer-Encoding decoding that never throws: Base64 that skips junk and
 * tolerates missing padding, quoted-printable that keeps malformed escapes literally, and
 * identity for 7bit/8bit/binary. Unknown encodings are left as they are (with a warning);
 * uuencode goes through Angus Mail's decoder.
 */
public final class TransferDecoding {

    private TransferDecoding() {
    }

    public static byte[] decode(byte[] raw, String encoding, String what, List<String> warnings) {
        String cte = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT).replace("\"", "");
        switch (cte) {
            case "", "7bit", "8bit", "binary", "7-bit", "8-bit" -> {
                return raw;
            }
            case "base64" -> {
                return base64(raw);
            }
            case "quoted-printable" -> {
                return quotedPrintable(raw);
            }
            case "x-uuencode", "x-uue", "uuencode" -> {
                try (InputStream in = MimeUtility.decode(new java.io.ByteArrayInputStream(raw), cte)) {
                    return in.readAllBytes();
                } catch (MessagingException | IOException e) {
                    warnings.add(what + ": broken uuencode, kept undecoded (" + e.getMessage() + ")");
                    return raw;
                }
            }
            default -> {
                warnings.add(what + ": unknown Content-Transfer-Encoding '" + encoding.trim() + "', kept undecoded");
                return raw;
            }
        }
    }

    /** Lenient Base64: characters outside the alphabet are skipped, a trailing partial group decoded as far as it goes. */
    public static byte[] base64(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 3 / 4 + 3);
        int buffer = 0;
        int bits = 0;
        for (byte b : in) {
            int v = value(b);
            if (v < 0) {
                if (b == '=') {
                    // padding: whatever is left in the buffer is filler bits
                    bits = 0;
                    buffer = 0;
                }
                continue;
            }
            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >> bits) & 0xFF);
            }
        }
        return out.toByteArray();
    }

    private static int value(byte b) {
        if (b >= 'A' && b <= 'Z') {
            return b - 'A';
        }
        if (b >= 'a' && b <= 'z') {
            return b - 'a' + 26;
        }
        if (b >= '0' && b <= '9') {
            return b - '0' + 52;
        }
        if (b == '+' || b == '-') {
            return 62;
        }
        if (b == '/' || b == '_') {
            return 63;
        }
        return -1;
    }

    /** Lenient quoted-printable (RFC 2045 §6.7): soft breaks removed, malformed '=' kept literally. */
    public static byte[] quotedPrintable(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int n = in.length;
        for (int i = 0; i < n; i++) {
            byte b = in[i];
            if (b != '=') {
                out.write(b);
                continue;
            }
            // soft line break: '=' followed by optional whitespace and a line end
            int j = i + 1;
            while (j < n && (in[j] == ' ' || in[j] == '\t')) {
                j++;
            }
            if (j < n && (in[j] == '\r' || in[j] == '\n')) {
                if (in[j] == '\r' && j + 1 < n && in[j + 1] == '\n') {
                    j++;
                }
                i = j;
                continue;
            }
            if (j == n) {
                i = j; // '=' at the very end
                continue;
            }
            if (i + 2 < n && isHex(in[i + 1]) && isHex(in[i + 2])) {
                out.write(Character.digit(in[i + 1], 16) << 4 | Character.digit(in[i + 2], 16));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
