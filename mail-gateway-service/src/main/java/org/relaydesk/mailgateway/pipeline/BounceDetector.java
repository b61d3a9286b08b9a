package org.relaydesk.mailgateway.pipeline;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

import org.relaydesk.mailgateway.parsing.HeaderParameters;
import org.relaydesk.mailgateway.parsing.MailAttachment;
import org.relaydesk.mailgateway.parsing.MessageIds;
import org.relaydesk.mailgateway.parsing.ParsedMail;
import org.relaydesk.mailgateway.parsing.ReportPart;

/**
 * Recognises delivery status notifications: a {@code multipart/report} with
 * {@code report-type=delivery-status}, or any mail carrying a {@code message/delivery-status}
 * part (some MTAs wrap it in multipart/mixed). Reads the failed recipient, action, status and
 * diagnostic from the DSN fields, and the original Message-ID from the returned message
 * ({@code message/rfc822}) or returned headers ({@code text/rfc822-headers}).
 */
public final class BounceDetector {

    public Optional<Bounce> detect(ParsedMail mail) {
        HeaderParameters type = HeaderParameters.parse(mail.contentType(), new ArrayList<>());
        boolean report = type.value().equals("multipart/report")
                && "delivery-status".equalsIgnoreCase(type.get("report-type"));
        Optional<ReportPart> status = mail.reportParts().stream()
                .filter(p -> p.contentType().endsWith("delivery-status"))
                .findFirst();
        if (!report && status.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> recipient = status.map(p -> failedRecipientFields(p.text())).orElse(Map.of());
        return Optional.of(new Bounce(
                originalMessageId(mail),
                address(recipient.getOrDefault("final-recipient", recipient.get("original-recipient"))),
                recipient.get("action"),
                recipient.get("status"),
                recipient.get("diagnostic-code")));
    }

    /** The per-recipient field group that failed (or the first one), field names lower case. */
    static Map<String, String> failedRecipientFields(String dsn) {
        List<Map<String, String>> groups = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String lastName = null;
        for (String line : dsn.split("\r?\n")) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    groups.add(current);
                    current = new LinkedHashMap<>();
                }
                lastName = null;
            } else if ((line.startsWith(" ") || line.startsWith("\t")) && lastName != null) {
                current.merge(lastName, " " + line.trim(), String::concat);
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    lastName = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    current.putIfAbsent(lastName, line.substring(colon + 1).trim());
                }
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        Map<String, String> first = null;
        for (Map<String, String> group : groups) {
            boolean isRecipient = group.containsKey("final-recipient") || group.containsKey("original-recipient");
            if (!isRecipient) {
                continue;
            }
            if (first == null) {
                first = group;
            }
            if ("failed".equalsIgnoreCase(group.get("action"))) {
                return group;
            }
        }
        return first == null ? Map.of() : first;
    }

    /** "rfc822; user@example.com" or "<user@example.com>" to the bare lower-case address. */
    static String address(String field) {
        if (field == null) {
            return null;
        }
        String value = field;
        int semi = value.indexOf(';');
        if (semi >= 0) {
            value = value.substring(semi + 1);
        }
        value = value.trim().replaceAll("^<|>$", "").trim();
        return value.isEmpty() ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String originalMessageId(ParsedMail mail) {
        for (MailAttachment a : mail.attachments()) {
            if (a.contentType().equals("message/rfc822") || a.contentType().equals("message/global")) {
                String id = messageIdOf(a.content());
                if (id != null) {
                    return id;
                }
            }
        }
        for (ReportPart p : mail.reportParts()) {
            if (p.contentType().endsWith("rfc822-headers") || p.contentType().equals("message/global-headers")) {
                String id = messageIdOf(p.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }

    private static String messageIdOf(byte[] headerBytes) {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(headerBytes), false);
            return MessageIds.first(headers.getHeader("Message-ID", null));
        } catch (MessagingException e) {
            return null;
        }
    }
}
