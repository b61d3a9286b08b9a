package org.relaydesk.mailgateway.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relaydesk.mailgateway.pipeline.TestMails.corpus;
import static org.relaydesk.mailgateway.pipeline.TestMails.mail;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopProtectionTest {

    private final LoopProtection loop = new LoopProtection(Set.of("Support@RelayDesk.example"), 10);

    private boolean allowed(String headers) {
        return loop.check(mail(headers), 0).autoResponseAllowed();
    }

    @Test
    void ordinaryCustomerMailMayBeAnswered() {
        assertTrue(allowed("From: jane@example.com\nSubject: help"));
        assertTrue(loop.check(corpus("EmailParser/PostMaster-Test1.box"), 0)
                .autoResponseAllowed());
    }

    @Test
    void xLoopNamingOurAddressStopsAutoResponses() {
        assertFalse(allowed("From: jane@example.com\nX-Loop: support@relaydesk.example"));
        assertTrue(allowed("From: jane@example.com\nX-Loop: other@elsewhere.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto-generated", "auto-replied", "auto-notified; owner-email=\"x@y\""})
    void autoSubmittedOtherThanNo(String value) {
        assertFalse(allowed("From: jane@example.com\nAuto-Submitted: " + value));
    }

    @Test
    void autoSubmittedNoIsAPerson() {
        assertTrue(allowed("From: jane@example.com\nAuto-Submitted: no"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bulk", "junk", "list", "BULK"})
    void bulkPrecedence(String value) {
        assertFalse(allowed("From: jane@example.com\nPrecedence: " + value));
    }

    @Test
    void mailingListSampleFromTheCorpus() {
        // UTF8Filename.box came through a list: "Precedence: list"
        var decision = loop.check(corpus("EmailParser/UTF8Filename.box"), 0);
        assertFalse(decision.autoResponseAllowed());
        assertTrue(decision.reasons().toString().contains("Precedence: list"), decision.reasons().toString());
    }

    @Test
    void bounceFromMailerDaemonIsNeverAnswered() {
        assertFalse(loop.check(corpus("PostMaster/PostMaster-Test10.box"), 0).autoResponseAllowed());
    }

    @Test
    void ourOwnAddressAsSender() {
        assertFalse(allowed("From: Support <support@relaydesk.example>"));
    }

    @Test
    void perSenderDailyCap() {
        var mail = mail("From: jane@example.com");
        assertTrue(loop.check(mail, 9).autoResponseAllowed());
        assertFalse(loop.check(mail, 10).autoResponseAllowed());
        assertFalse(loop.capReached(9));
        assertTrue(loop.capReached(10));
        assertTrue(new LoopProtection(Set.of(), 0).capReached(0));
    }
}
