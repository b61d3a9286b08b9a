package org.relaydesk.mailgateway.parsing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** MIME edge cases beyond the corpus. */
class MailParserTest {

    private final MailParser parser = new MailParser();

    private ParsedMail parse(String mail) throws MailParseException {
        return parser.parse(mail.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void simpleMailWithThreadingHeaders() throws Exception {
        ParsedMail mail = parse("""
                From: "Jane Doe" <Jane@Example.COM>
                To: support@relaydesk.example, Bob <bob@example.com>
                Cc: carol@example.com
                Reply-To: replies@example.com
                Subject: Re: [Ticket#2013070410000731] Printer
                Date: Thu, 4 Jul 2013 10:15:00 +0200
                Message-ID: <abc@example.com>
                In-Reply-To: <prev@relaydesk.example>
                References: <first@relaydesk.example>
                 <prev@relaydesk.example>
                X-Loop: support@relaydesk.example
                X-OTRS-Priority: 5 very high

                Hello
                """);
        assertEquals("jane@example.com", mail.fromAddress());
        assertEquals("Jane Doe", mail.fromName());
        assertEquals(2, mail.to().size());
        assertEquals("carol@example.com", mail.cc().get(0).address());
        assertEquals("replies@example.com", mail.replyTo().get(0).address());
        assertEquals("abc@example.com", mail.messageId());
        assertEquals("prev@relaydesk.example", mail.inReplyTo());
        assertEquals(List.of("first@relaydesk.example", "prev@relaydesk.example"), mail.references());
        assertEquals(OffsetDateTime.parse("2013-07-04T10:15:00+02:00"), mail.date());
        assertEquals("support@relaydesk.example", mail.header("x-loop"));
        assertEquals(1, mail.headers().withPrefix("X-OTRS-").size());
        assertEquals("Hello", mail.bodyText().trim());
        assertNull(mail.bodyHtml());
        assertTrue(mail.warnings().isEmpty(), mail.warnings().toString());
    }

    @Test
    void notAMailAtAllIsAClearException() {
        assertThrows(MailParseException.class, () -> parser.parse(new byte[0]));
        assertThrows(MailParseException.class, () -> parser.parse(null));
        MailParseException e = assertThrows(MailParseException.class, () -> parse("\njust text, no headers\n"));
        assertTrue(e.getMessage().contains("no header fields"), e.getMessage());
    }

    @Test
    void missingHeadersGiveBestEffortAndWarnings() throws Exception {
        ParsedMail mail = parse("""
                X-Something: 1

                body
                """);
        assertEquals("", mail.subject());
        assertEquals("", mail.fromAddress());
        assertNull(mail.messageId());
        assertNull(mail.date());
        assertEquals("body", mail.bodyText().trim());
        assertTrue(mail.warnings().stream().anyMatch(w -> w.contains("From")), mail.warnings().toString());
        assertTrue(mail.warnings().stream().anyMatch(w -> w.contains("Message-ID")), mail.warnings().toString());
    }

    @Test
    void senderFallsBackToReturnPath() throws Exception {
        ParsedMail mail = parse("Return-Path: <bounce@example.com>\nSubject: x\n\nbody\n");
        assertEquals("bounce@example.com", mail.fromAddress());
    }

    @Test
    void brokenDateAndMalformedHeaderLine() throws Exception {
        ParsedMail mail = parse("""
                From: a@example.com
                Date: sometime last week
                this line is not a header
                Subject: still read

                body
                """);
        assertNull(mail.date());
        assertEquals("still read", mail.subject());
        assertTrue(mail.warnings().stream().anyMatch(w -> w.contains("Date")), mail.warnings().toString());
    }

    @Test
    void lenientDates() {
        assertEquals(OffsetDateTime.parse("2007-07-06T12:17:38+02:00"), MailDates.parse("Fri,  6 Jul 2007 12:17:38 +0200 (CEST)"));
        assertEquals(OffsetDateTime.parse("2002-06-08T21:30:00-04:00"), MailDates.parse("8 Jun 02 21:30 EDT"));
        assertEquals(OffsetDateTime.parse("2020-01-31T23:59:59Z"), MailDates.parse("Fri, 31 Jan 2020 23:59:59 GMT"));
        assertNull(MailDates.parse("32 Foo 2020 25:00"));
    }

    @Test
    void unknownAndMislabelledCharsets() throws Exception {
        byte[] mail = ("From: a@example.com\r\nSubject: x\r\nContent-Type: text/plain; charset=x-bogus\r\n\r\n"
                + "caf\u00e9\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ParsedMail parsed = parser.parse(mail);
        assertEquals("café", parsed.bodyText().trim());
        assertTrue(parsed.warnings().stream().anyMatch(w -> w.contains("x-bogus")), parsed.warnings().toString());

        byte[] mislabelled = ("From: a@example.com\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "caf\u00e9 \u0080\r\n").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("café €", parser.parse(mislabelled).bodyText().trim());
    }

    @Test
    void htmlOnlyMailIsReducedToTextAndSanitised() throws Exception {
        ParsedMail mail = parse("""
                From: a@example.com
                Content-Type: text/html; charset=utf-8

                <html><head><title>T</title><style>p {color:red}</style><script>alert(1)</script></head>
                <body onload="evil()"><p>Hello&nbsp;<b>World</b> &amp; you</p><p>Line&#32;two<br>three</p>
                <img src="cid:logo@x"><img src="javascript:alert(1)"><a href="javascript:x()">bad</a>
                <a href="https://example.com">good</a></body></html>
                """);
        assertEquals("Hello World & you\nLine two\nthree\nbad good", mail.bodyText());
        String html = mail.bodyHtml();
        assertFalse(html.contains("script"), html);
        assertFalse(html.contains("onload"), html);
        assertFalse(html.contains("javascript"), html);
        assertFalse(html.contains("color:red"), html);
        assertTrue(html.contains("src=\"cid:logo&#64;x\""), html);
        assertTrue(html.contains("href=\"https://example.com\""), html);
    }

    @Test
    void alternativeKeepsPlainTextAndHtmlWithInlineImage() throws Exception {
        ParsedMail mail = parse("""
                From: a@example.com
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=utf-8

                plain version
                --alt
                Content-Type: multipart/related; boundary="rel"

                --rel
                Content-Type: text/html; charset=utf-8

                <p>html version <img src="cid:img1@x"></p>
                --rel
                Content-Type: image/png
                Content-ID: <img1@x>
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --rel--
                --alt--
                """);
        assertEquals("plain version", mail.bodyText());
        assertTrue(mail.bodyHtml().contains("html version"));
        assertEquals(1, mail.attachments().size());
        MailAttachment image = mail.attachments().get(0);
        assertEquals("img1@x", image.contentId());
        assertEquals("image/png", image.contentType());
        assertEquals("file-1.png", image.fileName());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, image.content());
        assertEquals(8, image.size());
    }

    @Test
    void nestedMessageIsAnAttachmentNamedAfterItsSubject() throws Exception {
        ParsedMail mail = parse("""
                From: a@example.com
                Subject: Fwd: hello
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain

                see below
                --b
                Content-Type: message/rfc822

                From: b@example.com
                Subject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?= / news

                inner body
                --b--
                """);
        assertEquals("see below", mail.bodyText().trim());
        assertEquals(1, mail.attachments().size());
        assertEquals("Grüße___news.eml", mail.attachments().get(0).fileName());
        assertEquals("message/rfc822", mail.attachments().get(0).contentType());
        assertTrue(new String(mail.attachments().get(0).content(), StandardCharsets.US_ASCII).contains("inner body"));
    }

    @Test
    void signedMailKeepsTheSignatureAsAttachment() throws Exception {
        ParsedMail mail = parse("""
                From: a@example.com
                Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary=s

                --s
                Content-Type: text/plain

                signed text
                --s
                Content-Type: application/pkcs7-signature
                Content-Transfer-Encoding: base64

                AAEC
                --s--
                """);
        assertTrue(mail.signed());
        assertEquals("signed text", mail.bodyText().trim());
        assertEquals("smime.p7s", mail.attachments().get(0).fileName());
    }

    @Test
    void brokenMultipartStructureIsStillReadable() throws Exception {
        // no boundary parameter and no closing boundary
        ParsedMail mail = parse("""
                From: a@example.com
                Content-Type: multipart/mixed

                --xyz
                Content-Type: text/plain

                first part
                --xyz
                Content-Type: application/pdf; name=doc.pdf
                Content-Transfer-Encoding: base64

                JVBE Ri0!!
                """);
        assertEquals("first part", mail.bodyText().trim());
        assertEquals("doc.pdf", mail.attachments().get(0).fileName());
        assertEquals("%PDF-", new String(mail.attachments().get(0).content(), StandardCharsets.US_ASCII));

        ParsedMail noParts = parse("From: a@example.com\nContent-Type: multipart/mixed; boundary=q\n\nno parts here\n");
        assertFalse(noParts.warnings().isEmpty());
    }

    @Test
    void unknownTransferEncodingKeptWithWarning() throws Exception {
        ParsedMail mail = parse("From: a@example.com\nContent-Transfer-Encoding: x-weird\n\nbody\n");
        assertEquals("body", mail.bodyText().trim());
        assertTrue(mail.warnings().stream().anyMatch(w -> w.contains("x-weird")));
    }

    @Test
    void formatFlowedIsJoined() throws Exception {
        ParsedMail mail = parse("From: a@example.com\nContent-Type: text/plain; format=flowed\n\n"
                + "a long line \nthat was wrapped\n>quoted\n-- \nsig\n");
        assertEquals("a long line that was wrapped\n>quoted\n-- \nsig\n", mail.bodyText().replace("\r", ""));
    }

    @Test
    void fileNamesLosePathsAndControlCharacters() {
        assertEquals("report.pdf", MailParser.cleanFileName("C:\\Users\\jane\\report.pdf"));
        assertEquals("a b.txt", MailParser.cleanFileName("a\r\n b.txt"));
        assertNull(MailParser.cleanFileName("  "));
    }
}
