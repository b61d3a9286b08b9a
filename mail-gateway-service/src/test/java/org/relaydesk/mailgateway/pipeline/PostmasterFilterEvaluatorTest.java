package org.relaydesk.mailgateway.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relaydesk.mailgateway.pipeline.FilterCondition.contains;
import static org.relaydesk.mailgateway.pipeline.FilterCondition.regex;
import static org.relaydesk.mailgateway.pipeline.TestMails.corpus;
import static org.relaydesk.mailgateway.pipeline.TestMails.mail;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.relaydesk.mailgateway.parsing.ParsedMail;

class PostmasterFilterEvaluatorTest {

    private static FilterOutcome run(ParsedMail mail, PostmasterFilter... filters) {
        return new PostmasterFilterEvaluator(List.of(filters)).evaluate(mail);
    }

    private static PostmasterFilter filter(String name, List<FilterCondition> conditions, FilterAction... actions) {
        return new PostmasterFilter(name, conditions, List.of(actions), false);
    }

    @Test
    void routesByRecipientAddressLikeTheSupportWiki() {
        // the seed's routing: mail to paypal@ goes to the Paypal queue and is closed there
        PostmasterFilter paypal = filter("paypal", List.of(new FilterCondition("To", FilterCondition.Operator.EQUALS,
                "paypal@cacert.example", false)), new FilterAction.SetQueue("Paypal"), new FilterAction.SetState("closed successful"));
        FilterOutcome outcome = run(mail("From: service@paypal.example\nTo: \"CAcert Paypal\" <PayPal@cacert.example>\nSubject: Receipt"), paypal);
        assertEquals(List.of("paypal"), outcome.matchedFilters());
        assertEquals("Paypal", outcome.queue());
        assertEquals("closed successful", outcome.state());
        assertSame(FilterOutcome.NONE, run(mail("From: a@example.com\nTo: support@cacert.example"), paypal));
    }

    @Test
    void regexOnDecodedSubjectFromTheCorpus() {
        // PostMaster-Test7: Subject =?iso-8859-1?Q?The_Testmail_in_ISO__=DC=C4=D6?=
        ParsedMail mail = corpus("PostMaster/PostMaster-Test7.box");
        assertEquals(List.of("umlauts"), run(mail, filter("umlauts", List.of(regex("Subject", "ISO\\s+ÜÄÖ$")),
                new FilterAction.SetPriority(4))).matchedFilters());
        // and the negation, as in PostMaster-Test22 (" NOT REGEX ÜÄÖ")
        PostmasterFilter notRegex = filter("not-regex", List.of(regex("Subject", "NOT REGEX").not()), new FilterAction.SetPriority(2));
        assertEquals(2, run(mail, notRegex).priority());
        assertSame(FilterOutcome.NONE, run(corpus("PostMaster/PostMaster-Test22.box"), notRegex));
    }

    @Test
    void bodyContainsAndHeaderRegexMustAllHold() {
        PostmasterFilter spam = filter("spam", List.of(regex("X-Spam-Flag", "^yes"), contains(FilterCondition.BODY, "viagra")),
                new FilterAction.MarkJunk());
        assertTrue(run(mail("From: a@example.com\nX-Spam-Flag: YES", "Buy VIAGRA now\n"), spam).junk());
        assertFalse(run(mail("From: a@example.com\nX-Spam-Flag: NO", "Buy VIAGRA now\n"), spam).junk());
        assertFalse(run(mail("From: a@example.com\nX-Spam-Flag: YES", "Hello\n"), spam).junk());
    }

    @Test
    void negationHoldsForAnAbsentHeader() {
        PostmasterFilter noList = filter("no-list-id", List.of(regex("List-Id", ".").not()), new FilterAction.SetPriority(3));
        assertEquals(3, run(mail("From: a@example.com"), noList).priority());
        assertNull(run(mail("From: a@example.com\nList-Id: <x.lists.example>"), noList).priority());
    }

    @Test
    void laterFiltersOverrideAndStopAfterMatchEndsTheRun() {
        PostmasterFilter first = filter("first", List.of(contains("Subject", "order")), new FilterAction.SetQueue("Sales"),
                new FilterAction.SetPriority(2));
        PostmasterFilter second = new PostmasterFilter("second", List.of(contains("Subject", "urgent")),
                List.of(new FilterAction.SetQueue("Escalations")), true);
        PostmasterFilter third = filter("third", List.of(contains("Subject", "order")), new FilterAction.Ignore());
        FilterOutcome outcome = run(mail("From: a@example.com\nSubject: urgent order"), first, second, third);
        assertEquals(List.of("first", "second"), outcome.matchedFilters());
        assertEquals("Escalations", outcome.queue());
        assertEquals(2, outcome.priority());
        assertFalse(outcome.ignore());
    }

    @Test
    void captureGroupIntoDynamicField() {
        // e.g. an arbitration number in the subject (a20240131.1) copied into a dynamic field
        PostmasterFilter arbitration = filter("arbitration", List.of(regex("Subject", "\\b(a\\d{8}\\.\\d+)\\b")),
                new FilterAction.SetQueue("Arbitrations"), new FilterAction.SetDynamicField("ArbitrationCase", "[***]"));
        FilterOutcome outcome = run(mail("From: a@example.com\nSubject: Re: case a20240131.1 update"), arbitration);
        assertEquals(Map.of("ArbitrationCase", "a20240131.1"), outcome.dynamicFields());
    }

    @Test
    void ignoreAction() {
        PostmasterFilter ignore = filter("ignore-the-bat", List.of(regex("X-Mailer", "The Bat")), new FilterAction.Ignore());
        assertTrue(run(mail("From: a@example.com\nX-Mailer: The Bat! (v3.0)"), ignore).ignore());
    }

    @Test
    void invalidDefinitionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> regex("Subject", "(unclosed"));
        assertThrows(IllegalArgumentException.class, () -> new FilterAction.SetPriority(6));
        assertThrows(IllegalArgumentException.class, () -> new PostmasterFilter("empty", List.of(), List.of(new FilterAction.Ignore()), false));
        assertThrows(IllegalArgumentException.class, () -> new PostmasterFilter("no-action", List.of(contains("Subject", "x")), List.of(), false));
    }
}
