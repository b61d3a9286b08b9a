package org.relaydesk.mailgateway.parsing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.activation.DataSource;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.SharedByteArrayInputStream;

/**
 * Turns the raw bytes of an inbound mail into a {@link ParsedMail}, best effort: broken
 * headers, unknown charsets, bad encodings and broken MIME structure give warnings, never
 * exceptions. Only input that is not a mail at all (empty, no header fields) raises
 * {@link MailParseException}, so the caller can quarantine it with the reason.
 *
 * <h2>Why Angus Mail</h2>
 * The MIME structure (header block, multipart boundaries, nested parts) is read with Angus
 * Mail, the Jakarta Mail implementation ({@code org.eclipse.angus:angus-mail}), rather than
 * Apache mime4j:
 * <ul>
 *   <li>the gateway needs Angus Mail anyway for the other half of its job: IMAP (with IDLE),
 *       POP3 and SMTP. One mail library for fetching, parsing and sending means one set of
 *       types ({@code MimeMessage} from IMAP parses exactly like one from LMTP) and one
 *       dependency to keep current;</li>
 *   <li>its version is managed by the Quarkus BOM (2.0.5 with jakarta.mail-api 2.1.5), so it
 *       moves with the platform; the BOM's mime4j is 0.8.12, older than the current 0.8.14;</li>
 *   <li>its multipart reader is tolerant where mail is commonly broken (missing closing
 *       boundary, missing boundary parameter) and works on a shared byte array without
 *       copying parts.</li>
 * </ul>
 * Where Jakarta Mail is strict or steered by JVM-wide system properties (RFC 2047 words
 * with unknown charsets, RFC 2231 parameters, address lists with raw 8-bit names, transfer
 * encodings with junk), small classes of this package do the decoding instead
 * ({@link EncodedWords}, {@link HeaderParameters}, {@link AddressParser},
 * {@link TransferDecoding}, {@link MailCharsets}), so the behaviour is the same in every JVM
 * and covered by tests. HTML is sanitised and reduced to text with the OWASP
 * java-html-sanitizer ({@link HtmlBodies}).
 *
 * <h2>Body and attachments</h2>
 * Inline {@code text/plain} and {@code text/html} parts without a file name are the body
 * (in multipart/alternative the plain text comes from the first alternative that has it and
 * the HTML from the last); every other leaf is an attachment, including inline images (with
 * their Content-ID), nested {@code message/rfc822} parts and signatures. Signed mail is kept
 * intact: the signed content is read normally and the signature part is an attachment.
 * Delivery-status and similar report parts are collected as {@link ReportPart}s (and are
 * attachments too when they carry a file name).
 *
 * <p>Thread-safe; one instance can parse concurrently.
 */
public final class MailParser {

    private static final int MAX_DEPTH = 40;
    private static final Pattern MIME_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+");

    private final Session session;

    public MailParser() {
        Properties props = new Properties();
        // headers are read one char per byte (ISO-8859-1); EncodedWords.fromRawHeader decides
        // whether raw 8-bit bytes are UTF-8 or windows-1252
        props.setProperty("mail.mime.allowutf8", "false");
        this.session = Session.getInstance(props);
    }

    /**
     * Parses one mail.
     *
     * @param raw the message as received (an mbox "From " envelope line is tolerated); not modified
     * @throws MailParseException when the bytes are not a mail at all
     */
    public ParsedMail parse(byte[] raw) throws MailParseException {
        if (raw == null || raw.length == 0) {
            throw new MailParseException("empty message");
        }
        List<String> warnings = new ArrayList<>();
        byte[] bytes = withoutMboxEnvelope(raw);
        MimeMessage message;
        try {
            message = new MimeMessage(session, new SharedByteArrayInputStream(bytes));
        } catch (MessagingException e) {
            throw new MailParseException("unreadable message: " + e.getMessage(), e);
        }
        try {
            MailHeaders headers = readHeaders(message, warnings);
            if (headers.fields().isEmpty()) {
                throw new MailParseException("no header fields: not an RFC 5322 message");
            }
            return build(message, headers, warnings);
        } catch (MessagingException | RuntimeException e) {
            // a defect in this parser or the library, not in the mail: still quarantine, with the cause
            throw new MailParseException("cannot parse message: " + e, e);
        }
    }

    private ParsedMail build(MimeMessage message, MailHeaders headers, List<String> warnings)
            throws MessagingException {
        MailAddress from = AddressParser.first(headers.firstRaw("From"), warnings);
        if (from == null) {
            for (String fallback : List.of("Sender", "Reply-To", "Return-Path")) {
                from = AddressParser.first(headers.firstRaw(fallback), warnings);
                if (from != null && !from.address().isEmpty()) {
                    warnings.add("no usable From header, sender taken from " + fallback);
                    break;
                }
            }
            if (from == null) {
                warnings.add("no usable From header");
            }
        }
        String subject = headers.first("Subject");
        if (subject == null) {
            subject = "";
        }
        String dateHeader = headers.first("Date");
        var date = MailDates.parse(dateHeader);
        if (dateHeader == null) {
            warnings.add("no Date header");
        } else if (date == null) {
            warnings.add("unreadable Date header '" + dateHeader + "'");
        }
        String messageId = MessageIds.first(headers.firstRaw("Message-ID"));
        if (messageId == null) {
            warnings.add("no Message-ID header");
        }
        String contentType = headers.firstRaw("Content-Type");

        Walk walk = new Walk(warnings);
        walk.part(message, "1", 0, false, false);

        String bodyText = String.join("\n", walk.texts);
        String html = walk.htmls.isEmpty() ? null : String.join("\n", walk.htmls);
        if (bodyText.isBlank() && html != null) {
            bodyText = HtmlBodies.toText(html);
        }
        return new ParsedMail(
                messageId,
                MessageIds.first(headers.firstRaw("In-Reply-To")),
                MessageIds.all(headers.firstRaw("References")),
                from,
                addresses(headers, "To", warnings),
                addresses(headers, "Cc", warnings),
                addresses(headers, "Reply-To", warnings),
                subject,
                date,
                headers,
                contentType == null ? "text/plain" : contentType,
                bodyText,
                html == null ? null : HtmlBodies.sanitize(html),
                walk.attachments,
                walk.reports,
                walk.signed,
                walk.encrypted,
                warnings);
    }

    private static List<MailAddress> addresses(MailHeaders headers, String name, List<String> warnings) {
        List<MailAddress> out = new ArrayList<>();
        for (MailHeader h : headers.fields()) {
            if (h.name().equalsIgnoreCase(name)) {
                out.addAll(AddressParser.parse(h.rawValue(), warnings));
            }
        }
        return out;
    }

    private static MailHeaders readHeaders(MimePart part, List<String> warnings) throws MessagingException {
        List<MailHeader> fields = new ArrayList<>();
        Enumeration<Header> all = part.getAllHeaders();
        while (all.hasMoreElements()) {
            Header h = all.nextElement();
            String name = h.getName() == null ? "" : h.getName().trim();
            // a line without ':' comes back with the whole line as name and value
            boolean noColon = h.getValue() != null && h.getValue().trim().equals(name);
            if (name.isEmpty() || noColon || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
                warnings.add("ignored malformed header line '" + abbreviate(name) + "'");
                continue;
            }
            String raw = EncodedWords.fromRawHeader(EncodedWords.unfold(h.getValue()));
            fields.add(new MailHeader(name, raw, EncodedWords.decode(raw, warnings)));
        }
        return new MailHeaders(fields);
    }

    private static byte[] withoutMboxEnvelope(byte[] raw) {
        if (raw.length > 5 && raw[0] == 'F' && raw[1] == 'r' && raw[2] == 'o' && raw[3] == 'm' && raw[4] == ' ') {
            for (int i = 5; i < raw.length; i++) {
                if (raw[i] == '\n') {
                    byte[] rest = new byte[raw.length - i - 1];
                    System.arraycopy(raw, i + 1, rest, 0, rest.length);
                    return rest;
                }
            }
        }
        return raw;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** Depth-first walk over the MIME tree, collecting body text, HTML, attachments and reports. */
    private static final class Walk {
        final List<String> warnings;
        final List<String> texts = new ArrayList<>();
        final List<String> htmls = new ArrayList<>();
        final List<MailAttachment> attachments = new ArrayList<>();
        final List<ReportPart> reports = new ArrayList<>();
        boolean signed;
        boolean encrypted;
        int unnamed;

        Walk(List<String> warnings) {
            this.warnings = warnings;
        }

        /**
         * @param forceAttachment the part is a signature or encrypted payload: never body text
         * @param digest the parent is multipart/digest, where the default type is message/rfc822
         */
        void part(MimePart part, String path, int depth, boolean forceAttachment, boolean digest)
                throws MessagingException {
            String what = "part " + path;
            HeaderParameters type = HeaderParameters.parse(header(part, "Content-Type"), warnings);
            String mime = type.value();
            if (!MIME_TYPE.matcher(mime).matches()) {
                if (!mime.isEmpty()) {
                    warnings.add(what + ": malformed Content-Type '" + mime + "', read as text/plain");
                }
                mime = digest ? "message/rfc822" : "text/plain";
            }
            if (mime.startsWith("multipart/")) {
                if (depth >= MAX_DEPTH) {
                    warnings.add(what + ": MIME nesting deeper than " + MAX_DEPTH + ", rest kept as attachment");
                    leaf(part, path, "application/octet-stream", type, true);
                    return;
                }
                multipart(part, path, depth, mime, type, forceAttachment);
                return;
            }
            if (mime.equals("application/pkcs7-mime") || mime.equals("application/x-pkcs7-mime")) {
                String smime = type.get("smime-type");
                if ("signed-data".equalsIgnoreCase(smime)) {
                    signed = true;
                } else {
                    encrypted = true;
                }
            }
            leaf(part, path, mime, type, forceAttachment);
        }

        private void multipart(MimePart part, String path, int depth, String mime, HeaderParameters type,
                boolean forceAttachment) throws MessagingException {
            MimeMultipart multipart;
            int count;
            try {
                multipart = new MimeMultipart(new PartSource(part, mime, type.get("boundary"), warnings, path));
                count = multipart.getCount();
            } catch (MessagingException | RuntimeException e) {
                warnings.add("part " + path + ": broken " + mime + " (" + e.getMessage() + "), read as text");
                leaf(part, path, "text/plain", type, forceAttachment);
                return;
            }
            if (count == 0) {
                warnings.add("part " + path + ": " + mime + " without parts");
                return;
            }
            switch (mime) {
                case "multipart/signed" -> {
                    signed = true;
                    part(cast(multipart, 0), path + ".1", depth + 1, forceAttachment, false);
                    for (int i = 1; i < count; i++) {
                        part(cast(multipart, i), path + "." + (i + 1), depth + 1, true, false);
                    }
                }
                case "multipart/encrypted" -> {
                    encrypted = true;
                    for (int i = 0; i < count; i++) {
                        part(cast(multipart, i), path + "." + (i + 1), depth + 1, true, false);
                    }
                }
                case "multipart/alternative" -> {
                    String text = null;
                    String html = null;
                    for (int i = 0; i < count; i++) {
                        Walk sub = new Walk(warnings);
                        sub.unnamed = unnamed;
                        sub.part(cast(multipart, i), path + "." + (i + 1), depth + 1, forceAttachment, false);
                        unnamed = sub.unnamed;
                        if (text == null && !sub.texts.isEmpty()) {
                            text = String.join("\n", sub.texts);
                        }
                        if (!sub.htmls.isEmpty()) {
                            html = String.join("\n", sub.htmls);
                        }
                        attachments.addAll(sub.attachments);
                        reports.addAll(sub.reports);
                        signed |= sub.signed;
                        encrypted |= sub.encrypted;
                    }
                    if (text != null) {
                        texts.add(text);
                    }
                    if (html != null) {
                        htmls.add(html);
                    }
                }
                default -> {
                    boolean digest = mime.equals("multipart/digest");
                    for (int i = 0; i < count; i++) {
                        part(cast(multipart, i), path + "." + (i + 1), depth + 1, forceAttachment, digest);
                    }
                }
            }
        }

        private static MimePart cast(MimeMultipart multipart, int i) throws MessagingException {
            return (MimePart) multipart.getBodyPart(i);
        }

        private void leaf(MimePart part, String path, String mime, HeaderParameters type, boolean forceAttachment)
                throws MessagingException {
            String what = "part " + path;
            HeaderParameters disposition = HeaderParameters.parse(header(part, "Content-Disposition"), warnings);
            String fileName = disposition.get("filename");
            if (fileName == null || fileName.isBlank()) {
                fileName = type.get("name");
            }
            fileName = cleanFileName(fileName);
            byte[] content = content(part, what);
            String charset = type.get("charset");

            boolean declaredAttachment = disposition.value().equals("attachment");
            boolean isText = mime.equals("text/plain") || mime.equals("text/html");
            if (isText && fileName == null && !declaredAttachment && !forceAttachment) {
                String text = MailCharsets.decode(content, charset, what, warnings);
                if (mime.equals("text/html")) {
                    htmls.add(text);
                } else {
                    texts.add(flowed(text, type));
                }
                return;
            }
            if (isReport(mime)) {
                reports.add(new ReportPart(mime, MailCharsets.decode(content, charset, what, warnings)));
                if (fileName == null) {
                    return;
                }
            }
            if (fileName == null) {
                fileName = generatedName(mime, content);
            }
            String dispositionValue = disposition.value().equals("inline") ? "inline" : "attachment";
            attachments.add(new MailAttachment(fileName, mime, charset == null ? null : charset.trim(),
                    contentId(part), dispositionValue, content.length, content));
        }

        private byte[] content(MimePart part, String what) throws MessagingException {
            byte[] raw;
            try (InputStream in = rawStream(part)) {
                raw = in.readAllBytes();
            } catch (IOException e) {
                warnings.add(what + ": content unreadable (" + e.getMessage() + ")");
                return new byte[0];
            }
            return TransferDecoding.decode(raw, header(part, "Content-Transfer-Encoding"), what, warnings);
        }

        private String generatedName(String mime, byte[] content) {
            if (mime.equals("message/rfc822") || mime.equals("message/global")) {
                String subject = nestedSubject(content);
                String base = subject == null || subject.isBlank()
                        ? "message"
                        : subject.replaceAll("[^\\p{L}\\p{M}\\p{N}_.#-]", "_");
                if (base.length() > 200) {
                    base = base.substring(0, 200);
                }
                return base + ".eml";
            }
            if (mime.equals("application/pgp-signature")) {
                return "signature.asc";
            }
            if (mime.equals("application/pkcs7-signature") || mime.equals("application/x-pkcs7-signature")) {
                return "smime.p7s";
            }
            if (mime.equals("application/pkcs7-mime") || mime.equals("application/x-pkcs7-mime")) {
                return "smime.p7m";
            }
            unnamed++;
            return "file-" + unnamed + extension(mime);
        }

        private String nestedSubject(byte[] content) {
            try {
                InternetHeaders nested = new InternetHeaders(new ByteArrayInputStream(content), false);
                String subject = nested.getHeader("Subject", null);
                if (subject == null) {
                    return null;
                }
                return EncodedWords.decode(EncodedWords.fromRawHeader(EncodedWords.unfold(subject)), warnings).trim();
            } catch (MessagingException e) {
                return null;
            }
        }

        private static String contentId(MimePart part) throws MessagingException {
            String id = header(part, "Content-ID");
            if (id == null) {
                return null;
            }
            String trimmed = id.trim();
            if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
                trimmed = trimmed.substring(1, trimmed.length() - 1).trim();
            }
            return trimmed.isEmpty() ? null : trimmed;
        }
    }

    private static boolean isReport(String mime) {
        return mime.equals("message/delivery-status") || mime.equals("message/global-delivery-status")
                || mime.equals("message/disposition-notification") || mime.equals("text/rfc822-headers")
                || mime.equals("message/global-headers");
    }

    /** The first value of a header, unfolded, raw 8-bit decoded; null when absent. */
    static String header(MimePart part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        if (values == null || values.length == 0) {
            return null;
        }
        return EncodedWords.fromRawHeader(EncodedWords.unfold(values[0]));
    }

    private static InputStream rawStream(MimePart part) throws MessagingException {
        if (part instanceof MimeMessage m) {
            return m.getRawInputStream();
        }
        return ((jakarta.mail.internet.MimeBodyPart) part).getRawInputStream();
    }

    /** RFC 3676 format=flowed: soft line breaks (a trailing space) joined, space-stuffing removed. */
    static String flowed(String text, HeaderParameters type) {
        if (!"flowed".equalsIgnoreCase(type.get("format"))) {
            return text;
        }
        boolean delsp = "yes".equalsIgnoreCase(type.get("delsp"));
        String[] lines = text.split("\r?\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(" ")) {
                line = line.substring(1);
            }
            boolean soft = line.endsWith(" ") && !line.equals("-- ") && i + 1 < lines.length;
            if (soft) {
                out.append(delsp ? line.substring(0, line.length() - 1) : line);
            } else {
                out.append(line);
                if (i + 1 < lines.length) {
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    /** File name as the sender meant it: no path, no control characters; null when blank. */
    static String cleanFileName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.replaceAll("\\s*\\p{Cntrl}+\\s*", " ").trim();
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        if (slash >= 0) {
            n = n.substring(slash + 1).trim();
        }
        return n.isEmpty() ? null : n;
    }

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("text/plain", ".txt"), Map.entry("text/html", ".html"), Map.entry("text/calendar", ".ics"),
            Map.entry("text/csv", ".csv"), Map.entry("image/png", ".png"), Map.entry("image/jpeg", ".jpg"),
            Map.entry("image/gif", ".gif"), Map.entry("application/pdf", ".pdf"),
            Map.entry("message/delivery-status", ".txt"), Map.entry("text/rfc822-headers", ".txt"));

    private static String extension(String mime) {
        return EXTENSIONS.getOrDefault(mime, ".bin");
    }

    /**
     * A multipart body for Angus Mail's multipart reader, with a Content-Type rebuilt from the
     * leniently parsed one, so a broken header cannot make the reader fail before it starts.
     */
    private record PartSource(MimePart part, String mime, String boundary, List<String> warnings, String path)
            implements DataSource {

        @Override
        public InputStream getInputStream() throws IOException {
            try {
                String cte = header(part, "Content-Transfer-Encoding");
                String encoding = cte == null ? "" : cte.trim().toLowerCase(Locale.ROOT);
                if (encoding.equals("base64") || encoding.equals("quoted-printable")) {
                    // not allowed on multiparts (RFC 2045 §6.4), but seen: decode, then split
                    try (InputStream in = rawStream(part)) {
                        return new SharedByteArrayInputStream(
                                TransferDecoding.decode(in.readAllBytes(), encoding, "part " + path, warnings));
                    }
                }
                return rawStream(part);
            } catch (MessagingException e) {
                throw new IOException(e);
            }
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("read only");
        }

        @Override
        public String getContentType() {
            if (boundary == null || boundary.isEmpty()) {
                warnings.add("part " + path + ": " + mime + " without boundary parameter, boundary guessed");
                return mime;
            }
            return mime + "; boundary=\"" + boundary.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }

        @Override
        public String getName() {
            return "part " + path;
        }
    }
}
