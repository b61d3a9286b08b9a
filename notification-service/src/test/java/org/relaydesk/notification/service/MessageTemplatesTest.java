package org.relaydesk.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.relaydesk.notification.NotificationKind;

class MessageTemplatesTest {

    private final MessageTemplates.Values values = new MessageTemplates.Values("2026112410000019", "Printer on fire",
            "Helpdesk", "FIRST_RESPONSE", "http://127.0.0.1:8080/#/tickets/42", null);

    @Test
    void everyKindHasATextInEveryLanguage() {
        for (String lang : new String[] {"en", "nl", "de"}) {
            for (NotificationKind kind : NotificationKind.values()) {
                String line = MessageTemplates.line(lang, kind, values);
                assertTrue(line.contains("2026112410000019"), lang + " " + kind + ": " + line);
                assertTrue(!line.contains("{"), lang + " " + kind + ": " + line);
            }
        }
    }

    @Test
    void dutchEscalationNamesTheClock() {
        assertEquals("Ticket 2026112410000019 is geëscaleerd (eerste reactie): Printer on fire",
                MessageTemplates.line("nl", NotificationKind.ESCALATION, values));
    }

    @Test
    void bodyCarriesNumberTitleQueueAndLink() {
        String body = MessageTemplates.body("en", NotificationKind.NEW_TICKET, values);
        assertTrue(body.contains("Ticket: 2026112410000019"));
        assertTrue(body.contains("Title: Printer on fire"));
        assertTrue(body.contains("Queue: Helpdesk"));
        assertTrue(body.contains("http://127.0.0.1:8080/#/tickets/42"));
    }

    @Test
    void unknownLanguageFallsBackToEnglish() {
        assertEquals(MessageTemplates.line("en", NotificationKind.NEW_TICKET, values),
                MessageTemplates.line("fr", NotificationKind.NEW_TICKET, values));
    }
}
