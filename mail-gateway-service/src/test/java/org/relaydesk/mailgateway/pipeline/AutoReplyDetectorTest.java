package org.relaydesk.mailgateway.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relaydesk.mailgateway.pipeline.TestMails.corpus;
import static org.relaydesk.mailgateway.pipeline.TestMails.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutoReplyDetectorTest {

    private final AutoReplyDetector detector = new AutoReplyDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "Auto-Submitted: auto-replied",
            "Auto-Submitted: auto-replied; vacation",
            "X-Autoreply: yes",
            "X-Autorespond: Vacation",
            "X-Autoresponder: 1",
            "X-Auto-Response-Suppress: All\nIn-Reply-To: <a@b>"})
    void headersMarkAutoReplies(String header) {
        assertTrue(detector.detect(mail("From: jane@example.com\nSubject: Re: help\n" + header)).isPresent(), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Out of Office: help",
            "Automatic reply: [Ticket#2013070410000731] help",
            "AW: Abwesenheitsnotiz",
            "Automatische Antwort: Ihre Anfrage",
            "Réponse automatique : absence",
            "Respuesta automática: ayuda",
            "Autoreply: help",
            "Auto-Reply: help",
            "RE: Out of the office until Monday",
            "Risposta automatica: aiuto",
            "Automatisch antwoord: hulp"})
    void outOfOfficeSubjects(String subject) {
        assertTrue(detector.detect(mail("From: jane@example.com\nSubject: " + subject)).isPresent(), subject);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Re: [Ticket#2013070410000731] printer out of toner",
            "Reply needed: automatic backups fail",
            "Question about my office"})
    void personalMailIsNotAnAutoReply(String subject) {
        assertTrue(detector.detect(mail("From: jane@example.com\nSubject: " + subject)).isEmpty(), subject);
    }

    @Test
    void autoSubmittedNoAndCorpusMailsAreNotAutoReplies() {
        assertTrue(detector.detect(mail("From: a@example.com\nAuto-Submitted: no\nSubject: x")).isEmpty());
        assertTrue(detector.detect(mail("From: a@example.com\nX-Autoreply: no\nSubject: x")).isEmpty());
        assertTrue(detector.detect(corpus("PostMaster/PostMaster-Test7.box")).isEmpty());
        assertTrue(detector.detect(corpus("PostMaster/PostMaster-Test10.box")).isEmpty());
    }
}
