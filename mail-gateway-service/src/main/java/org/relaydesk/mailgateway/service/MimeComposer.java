package org.relaydesk.mailgateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.relaydesk.contracts.Json;
import org.relaydesk.mailgateway.OutboundMail;

/**
 * Builds the MIME message of an outbound mail: From with display name, To/Cc (Bcc only in the
 * envelope), the subject with the ticket tag ({@code [Ticket#number]}, added when missing), our
 * Message-ID, In-Reply-To/References for threading, text and HTML as multipart/alternative, and
 * attachments in multipart/mixed. Auto responses carry {@code Auto-Submitted: auto-replied} and
 * {@code X-Loop}, notifications {@code Auto-Submitted: auto-generated}, so that other systems (and
 * our own loop protection) never answer them automatically.
 */
public final class MimeComposer {

    /** A file to attach. */
    public record File(String filename, String contentType, byte[] content) {
    }

    private static final Pattern REPLY_PREFIX = Pattern.compile("(?i)^(re|fw|fwd|aw|wg):.*");

    private final String ticketHook;

    public MimeComposer(String ticketHook) {
        this.ticketHook = ticketHook;
    }

    public MimeMessage compose(Session session, OutboundMail o, List<File> files) throws MessagingException {
        MimeMessage m = new FixedIdMessage(session, o.messageId);
        InternetAddress from = address(o.from);
        m.setFrom(from);
        m.setRecipients(Message.RecipientType.TO, addresses(o.to));
        if (o.cc != null && !o.cc.isBlank()) {
            m.setRecipients(Message.RecipientType.CC, addresses(o.cc));
        }
        if (o.bcc != null && !o.bcc.isBlank()) {
            m.setRecipients(Message.RecipientType.BCC, addresses(o.bcc));
        }
        m.setSubject(subject(o.subject, o.ticketNumber), "UTF-8");
        m.setSentDate(new Date());
        if (o.inReplyTo != null) {
            m.setHeader("In-Reply-To", o.inReplyTo);
        }
        String references = o.references != null ? o.references : o.inReplyTo;
        if (references != null) {
            m.setHeader("References", MimeUtility.fold(12, references));
        }
        if ("auto_response".equals(o.kind)) {
            m.setHeader("Auto-Submitted", "auto-replied");
            m.setHeader("X-Loop", from.getAddress());
        } else if ("notification".equals(o.kind)) {
            m.setHeader("Auto-Submitted", "auto-generated");
        }
        if (o.ticketNumber != null) {
            m.setHeader("X-RelayDesk-Ticket", o.ticketNumber);
        }
        if (o.extraHeaders != null) {
            JsonNode headers = read(o.extraHeaders);
            for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> h = it.next();
                if (h.getKey().matches("[A-Za-z0-9-]+") && !reserved(h.getKey())) {
                    m.setHeader(h.getKey(), encode(h.getValue().asText()));
                }
            }
        }
        if (files.isEmpty()) {
            if (o.bodyHtml == null || o.bodyHtml.isBlank()) {
                m.setText(o.bodyText == null ? "" : o.bodyText, "UTF-8", "plain");
            } else {
                m.setContent(alternative(o.bodyText, o.bodyHtml));
            }
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            if (o.bodyHtml == null || o.bodyHtml.isBlank()) {
                body.setText(o.bodyText == null ? "" : o.bodyText, "UTF-8", "plain");
            } else {
                body.setContent(alternative(o.bodyText, o.bodyHtml));
            }
            mixed.addBodyPart(body);
            for (File f : files) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(f.content(),
                        f.contentType() == null ? "application/octet-stream" : f.contentType())));
                part.setFileName(encode(f.filename()));
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            m.setContent(mixed);
        }
        m.saveChanges();
        return m;
    }

    private static MimeMultipart alternative(String text, String html) throws MessagingException {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text == null ? "" : text, "UTF-8", "plain");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(rich);
        return alternative;
    }

    /** The subject with the ticket tag; "RE: x" becomes "RE: [Ticket#n] x". */
    public String subject(String subject, String ticketNumber) {
        String s = subject == null ? "" : subject.strip();
        if (ticketNumber == null || ticketNumber.isBlank()) {
            return s;
        }
        String tag = "[" + ticketHook + ticketNumber + "]";
        if (s.contains(ticketHook + ticketNumber)) {
            return s;
        }
        int colon = REPLY_PREFIX.matcher(s).matches() ? s.indexOf(':') + 1 : 0;
        return (s.substring(0, colon) + " " + tag + " " + s.substring(colon).strip()).strip();
    }

    static InternetAddress address(String value) throws AddressException {
        InternetAddress[] parsed = InternetAddress.parseHeader(value, false);
        if (parsed.length == 0) {
            throw new AddressException("no address in '" + value + "'");
        }
        return personal(parsed[0]);
    }

    static InternetAddress[] addresses(String value) throws AddressException {
        InternetAddress[] parsed = InternetAddress.parseHeader(value, false);
        if (parsed.length == 0) {
            throw new AddressException("no address in '" + value + "'");
        }
        for (int i = 0; i < parsed.length; i++) {
            parsed[i] = personal(parsed[i]);
            parsed[i].validate();
        }
        return parsed;
    }

    /** Re-sets the display name so that non-ASCII names are RFC 2047 encoded. */
    private static InternetAddress personal(InternetAddress a) throws AddressException {
        if (a.getPersonal() == null) {
            return a;
        }
        try {
            return new InternetAddress(a.getAddress(), a.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new AddressException(e.getMessage());
        }
    }

    private static String encode(String text) {
        try {
            return MimeUtility.encodeText(text, "UTF-8", null);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean reserved(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "from", "to", "cc", "bcc", "subject", "message-id", "date", "content-type",
                    "content-transfer-encoding", "mime-version" -> true;
            default -> false;
        };
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the Message-ID we chose (and told ticket-service) instead of a new one on saveChanges(). */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
