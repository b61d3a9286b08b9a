package org.relaydesk.mailgateway.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AddressParserTest {

    private final List<String> warnings = new ArrayList<>();

    private List<MailAddress> parse(String header) {
        return AddressParser.parse(header, warnings);
    }

    @Test
    void commonForms() {
        assertEquals(List.of(new MailAddress("jane@example.com", "Jane Doe")), parse("Jane Doe <Jane@Example.com>"));
        assertEquals(List.of(new MailAddress("jane@example.com", "Doe, Jane")), parse("\"Doe, Jane\" <jane@example.com>"));
        assertEquals(List.of(new MailAddress("jane@example.com", "")), parse("<jane@example.com>"));
        assertEquals(List.of(new MailAddress("jane@example.com", "")), parse("jane@example.com"));
    }

    @Test
    void commentIsNotADisplayName() {
        assertEquals(List.of(new MailAddress("mailer-daemon@example.com", "")),
                parse("MAILER-DAEMON@example.com (Mail Delivery System)"));
    }

    @Test
    void addressWrittenAsComment() {
        assertEquals(List.of(new MailAddress("hans@example.com", "Namedyński")),
                parse("=?iso-8859-2?Q?Namedy=F1ski?= (hans@example.com)"));
    }

    @Test
    void encodedNamesDecodedAfterSplitting() {
        // the decoded name contains a comma and '<': it must not split the list
        assertEquals(List.of(new MailAddress("a@example.com", "Doe, <Jane>"), new MailAddress("b@example.com", "")),
                parse("=?utf-8?Q?Doe=2C_=3CJane=3E?= <a@example.com>, b@example.com"));
        assertEquals(List.of(new MailAddress("a@example.com", "Jürgen")), parse("\"=?utf-8?Q?J=C3=BCrgen?=\" <a@example.com>"));
    }

    @Test
    void groupsAndLists() {
        assertEquals(List.of(), parse("undisclosed-recipients:;"));
        assertEquals(List.of(new MailAddress("a@example.com", "A"), new MailAddress("b@example.com", "")),
                parse("Team: A <a@example.com>, b@example.com;"));
        assertEquals(3, parse("a@example.com, B <b@example.com>,c@example.com").size());
    }

    @Test
    void brokenInputNeverThrows() {
        assertEquals(List.of(new MailAddress("a@example.com", "A")), parse("A <a@example.com"));
        assertEquals(List.of(), parse(""));
        assertEquals(List.of(), parse(null));
        assertEquals(List.of(), parse(",,,"));
        parse("\"unterminated <a@example.com>");
        parse("((nested) comment <x@y>");
    }
}
