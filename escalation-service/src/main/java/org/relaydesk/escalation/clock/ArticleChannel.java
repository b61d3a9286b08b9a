package org.relaydesk.escalation.clock;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The channel of an article. */
public enum ArticleChannel {
    EMAIL,
    PHONE,
    /** Customer portal (web). */
    WEB,
    CHAT,
    SMS,
    NOTE,
    /** Anything else, e.g. an API or process article. */
    OTHER;

    /**
     * Channels on which a customer-visible agent article counts as first response by default (SPEC C2):
     * e-mail, phone, chat, SMS, and portal/visible note.
     */
    public static Set<ArticleChannel> defaultResponseChannels() {
        return EnumSet.of(EMAIL, PHONE, WEB, CHAT, SMS, NOTE);
    }

    public static ArticleChannel fromWire(String name) {
        if (name == null || name.isBlank()) {
            return OTHER;
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.equals("PORTAL")) {
            return WEB;
        }
        for (ArticleChannel c : values()) {
            if (c.name().equals(n)) {
                return c;
            }
        }
        return OTHER;
    }
}
