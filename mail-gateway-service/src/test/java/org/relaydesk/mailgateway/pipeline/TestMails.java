package org.relaydesk.mailgateway.pipeline;

import java.nio.charset.StandardCharsets;

import org.relaydesk.mailgateway.parsing.MailCorpus;
import org.relaydesk.mailgateway.parsing.MailParseException;
import org.relaydesk.mailgateway.parsing.MailParser;
import org.relaydesk.mailgateway.parsing.ParsedMail;

/** Parsed mails for pipeline tests: corpus samples and mails written inline. */
final class TestMails {

    private static final MailParser PARSER = new MailParser();

    private TestMails() {
    }

    static ParsedMail corpus(String file) {
        try {
            return PARSER.parse(MailCorpus.read(file));
        } catch (MailParseException e) {
            throw new AssertionError(file + " does not parse", e);
        }
    }

    /** A mail from header lines and a body; "\n" become CRLF. */
    static ParsedMail mail(String headers, String body) {
        try {
            return PARSER.parse((headers.strip() + "\n\n" + body).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (MailParseException e) {
            throw new AssertionError(e);
        }
    }

    static ParsedMail mail(String headers) {
        return mail(headers, "Hello\n");
    }
}
