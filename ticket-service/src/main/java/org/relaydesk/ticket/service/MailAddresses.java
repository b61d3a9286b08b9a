package org.relaydesk.ticket.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers for mail address headers. */
public final class MailAddresses {

    private static final Pattern ANGLE = Pattern.compile("<([^>]+)>");

    private MailAddresses() {
    }

    /** The bare address of {@code "Name" <a@b>} or {@code a@b}. */
    public static String address(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = ANGLE.matcher(header);
        return (m.find() ? m.group(1) : header).strip();
    }

    /** The display name of {@code "Name" <a@b>}, or null when there is none. */
    public static String displayName(String header) {
        if (header == null || header.indexOf('<') <= 0) {
            return null;
        }
        String name = header.substring(0, header.indexOf('<')).strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).strip();
        }
        return name.isEmpty() ? null : name;
    }
}
