package org.relaydesk.notification.service;

import java.util.Map;
import org.relaydesk.notification.NotificationKind;

/**
 * Notification texts per language (en, nl, de; anything else falls back to en). Placeholders:
 * {number}, {title}, {queue}, {clock}, {link}, {agent}.
 */
public final class MessageTemplates {

    private static final Map<String, Map<NotificationKind, String>> LINES = Map.of(
            "en", Map.of(
                    NotificationKind.NEW_TICKET, "New ticket {number} in queue {queue}: {title}",
                    NotificationKind.FOLLOW_UP, "Follow-up on ticket {number}: {title}",
                    NotificationKind.LOCK_TIMEOUT, "Lock timeout: ticket {number} was unlocked: {title}",
                    NotificationKind.TICKET_MOVED, "Ticket {number} moved into queue {queue}: {title}",
                    NotificationKind.OWNER_SET, "You are now the owner of ticket {number}: {title}",
                    NotificationKind.RESPONSIBLE_SET, "You are now responsible for ticket {number}: {title}",
                    NotificationKind.ESCALATION_WARNING, "Escalation warning ({clock}) for ticket {number}: {title}",
                    NotificationKind.ESCALATION, "Ticket {number} escalated ({clock}): {title}",
                    NotificationKind.PENDING_REMINDER, "Pending reminder reached for ticket {number}: {title}"),
            "nl", Map.of(
                    NotificationKind.NEW_TICKET, "Nieuw ticket {number} in wachtrij {queue}: {title}",
                    NotificationKind.FOLLOW_UP, "Nieuwe reactie op ticket {number}: {title}",
                    NotificationKind.LOCK_TIMEOUT, "Tijdsoverschrijding vergrendeling: ticket {number} is ontgrendeld: {title}",
                    NotificationKind.TICKET_MOVED, "Ticket {number} verplaatst naar wachtrij {queue}: {title}",
                    NotificationKind.OWNER_SET, "U bent nu eigenaar van ticket {number}: {title}",
                    NotificationKind.RESPONSIBLE_SET, "U bent nu verantwoordelijk voor ticket {number}: {title}",
                    NotificationKind.ESCALATION_WARNING, "Escalatiewaarschuwing ({clock}) voor ticket {number}: {title}",
                    NotificationKind.ESCALATION, "Ticket {number} is geëscaleerd ({clock}): {title}",
                    NotificationKind.PENDING_REMINDER, "Herinneringstijd bereikt voor ticket {number}: {title}"),
            "de", Map.of(
                    NotificationKind.NEW_TICKET, "Neues Ticket {number} in Queue {queue}: {title}",
                    NotificationKind.FOLLOW_UP, "Nachfrage zu Ticket {number}: {title}",
                    NotificationKind.LOCK_TIMEOUT, "Sperrzeit abgelaufen: Ticket {number} wurde freigegeben: {title}",
                    NotificationKind.TICKET_MOVED, "Ticket {number} in Queue {queue} verschoben: {title}",
                    NotificationKind.OWNER_SET, "Sie sind jetzt Besitzer von Ticket {number}: {title}",
                    NotificationKind.RESPONSIBLE_SET, "Sie sind jetzt verantwortlich für Ticket {number}: {title}",
                    NotificationKind.ESCALATION_WARNING, "Eskalationswarnung ({clock}) für Ticket {number}: {title}",
                    NotificationKind.ESCALATION, "Ticket {number} ist eskaliert ({clock}): {title}",
                    NotificationKind.PENDING_REMINDER, "Erinnerungszeit erreicht für Ticket {number}: {title}"));

    private static final Map<String, String> BODY = Map.of(
            "en", "{line}\n\nTicket: {number}\nTitle: {title}\nQueue: {queue}\nOpen: {link}\n{substitute}\n-- \nRelayDesk notification\n",
            "nl", "{line}\n\nTicket: {number}\nTitel: {title}\nWachtrij: {queue}\nOpenen: {link}\n{substitute}\n-- \nRelayDesk-melding\n",
            "de", "{line}\n\nTicket: {number}\nTitel: {title}\nQueue: {queue}\nÖffnen: {link}\n{substitute}\n-- \nRelayDesk-Benachrichtigung\n");

    private static final Map<String, String> SUBSTITUTE = Map.of(
            "en", "You receive this as substitute of {agent}, who is out of office.\n",
            "nl", "U ontvangt dit als vervanger van {agent}, die buiten kantoor is.\n",
            "de", "Sie erhalten dies als Vertretung von {agent}, der/die abwesend ist.\n");

    private static final Map<String, Map<String, String>> CLOCKS = Map.of(
            "en", Map.of("FIRST_RESPONSE", "first response", "UPDATE", "update", "SOLUTION", "solution"),
            "nl", Map.of("FIRST_RESPONSE", "eerste reactie", "UPDATE", "update", "SOLUTION", "oplossing"),
            "de", Map.of("FIRST_RESPONSE", "erste Reaktion", "UPDATE", "Aktualisierung", "SOLUTION", "Lösung"));

    /** The values a text is made of. */
    public record Values(String number, String title, String queue, String clock, String link, String onBehalfOf) {
    }

    private MessageTemplates() {
    }

    static String lang(String language) {
        return language != null && LINES.containsKey(language) ? language : "en";
    }

    /** The one-line text (in-app notification, mail subject). */
    public static String line(String language, NotificationKind kind, Values v) {
        String l = lang(language);
        String clock = v.clock() == null ? "" : CLOCKS.get(l).getOrDefault(v.clock(), v.clock().toLowerCase());
        return fill(LINES.get(l).get(kind), v, clock);
    }

    /** The plain-text mail body. */
    public static String body(String language, NotificationKind kind, Values v) {
        String l = lang(language);
        String substitute = v.onBehalfOf() == null ? "" : SUBSTITUTE.get(l).replace("{agent}", v.onBehalfOf());
        return fill(BODY.get(l), v, "").replace("{line}", line(l, kind, v)).replace("{substitute}", substitute);
    }

    private static String fill(String template, Values v, String clock) {
        return template
                .replace("{number}", orDash(v.number()))
                .replace("{title}", orDash(v.title()))
                .replace("{queue}", orDash(v.queue()))
                .replace("{clock}", clock)
                .replace("{link}", orDash(v.link()));
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
