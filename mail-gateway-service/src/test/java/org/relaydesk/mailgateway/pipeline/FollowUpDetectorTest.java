package org.relaydesk.mailgateway.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.relaydesk.mailgateway.pipeline.TestMails.corpus;
import static org.relaydesk.mailgateway.pipeline.TestMails.mail;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FollowUpDetectorTest {

    private final FollowUpDetector detector = new FollowUpDetector("Ticket#", false);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [Ticket#2013070410000731] Printer broken          | 2013070410000731
            RE: [Ticket#2013070410000731] Printer broken      | 2013070410000731
            AW: Re: [ticket#2013070410000731] Printer         | 2013070410000731
            Ticket#: 2013070410000731 Printer                 | 2013070410000731
            Fwd: Printer [Ticket# 2013070410000731]           | 2013070410000731
            Printer broken                                    |
            Order 2013070410000731                            |
            [Ticket#] empty                                   |
            """)
    void ticketNumberInTheSubject(String subject, String expected) {
        assertEquals(expected, detector.ticketNumber(subject));
    }

    @Test
    void configurableHook() {
        FollowUpDetector call = new FollowUpDetector("Call-ID:", false);
        assertEquals("20240101123", call.ticketNumber("Re: [Call-ID:20240101123] help"));
        assertNull(call.ticketNumber("Re: [Ticket#2013070410000731] help"));
    }

    @Test
    void subjectFirstThenMessageIdsNewestFirst() {
        var mail = mail("""
                From: jane@example.com
                Subject: Re: printer
                In-Reply-To: <c@relaydesk.example>
                References: <a@relaydesk.example> <b@relaydesk.example> <c@relaydesk.example>
                """);
        FollowUp followUp = detector.detect(mail);
        assertFalse(followUp.hasTicketNumber());
        assertEquals(List.of("c@relaydesk.example", "b@relaydesk.example", "a@relaydesk.example"),
                followUp.referencedMessageIds());
    }

    @Test
    void bodySearchOnlyWhenEnabled() {
        var mail = mail("From: jane@example.com\nSubject: printer", "About Ticket#2013070410000731 again\n");
        assertNull(detector.detect(mail).ticketNumber());
        FollowUp followUp = new FollowUpDetector("Ticket#", true).detect(mail);
        assertEquals("2013070410000731", followUp.ticketNumber());
        assertEquals("body", followUp.foundIn());
    }

    @Test
    void corpusMailsWithoutTicketNumbers() {
        assertFalse(detector.detect(corpus("PostMaster/PostMaster-Test20.box")).hasTicketNumber());
    }
}
