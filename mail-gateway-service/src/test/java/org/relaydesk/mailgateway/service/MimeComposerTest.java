package org.relaydesk.mailgateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relaydesk.mailgateway.OutboundMail;

class MimeComposerTest {

    private final MimeComposer composer = new MimeComposer("Ticket#");
    private final Session session = Session.getInstance(new Properties());

    @Test
    void tagsTheSubjectOnceAfterAReplyPrefix() {
        assertThat(composer.subject("RE: Printer on fire", "2026112310000011"))
                .isEqualTo("RE: [Ticket#2026112310000011] Printer on fire");
        assertThat(composer.subject("Printer on fire", "2026112310000011"))
                .isEqualTo("[Ticket#2026112310000011] Printer on fire");
        assertThat(composer.subject("RE: [Ticket#2026112310000011] Printer", "2026112310000011"))
                .isEqualTo("RE: [Ticket#2026112310000011] Printer");
        assertThat(composer.subject("Reminder", null)).isEqualTo("Reminder");
    }

    @Test
    void buildsThreadedMultipartMailWithOurMessageIdAndNoBccHeaderInTheBody() throws Exception {
        OutboundMail o = mail();
        o.bcc = "audit@relaydesk.local";
        o.bodyHtml = "<p>Hello <b>there</b></p>";
        MimeMessage m = composer.compose(session, o, List.of(new MimeComposer.File("report.pdf", "application/pdf",
                new byte[] {1, 2, 3})));
        assertThat(m.getMessageID()).isEqualTo(o.messageId);
        assertThat(m.getHeader("In-Reply-To")[0]).isEqualTo("<a@example.com>");
        assertThat(m.getHeader("References")[0]).isEqualTo("<a@example.com>");
        assertThat(m.getSubject()).isEqualTo("RE: [Ticket#2026112310000011] Hello");
        assertThat(m.getFrom()[0].toString()).isEqualTo("RelayDesk Support <support@relaydesk.local>");
        assertThat(m.getRecipients(Message.RecipientType.BCC)).hasSize(1);
        MimeMultipart mixed = (MimeMultipart) m.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        assertThat(((MimeMultipart) mixed.getBodyPart(0).getContent()).getContentType()).startsWith("multipart/alternative");
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("report.pdf");
    }

    @Test
    void marksAutoResponsesSoNobodyAnswersThem() throws Exception {
        OutboundMail o = mail();
        o.kind = "auto_response";
        MimeMessage m = composer.compose(session, o, List.of());
        assertThat(m.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        assertThat(m.getHeader("X-Loop")[0]).isEqualTo("support@relaydesk.local");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("text/plain; charset=UTF-8");
    }

    @Test
    void encodesNonAsciiDisplayNamesAndSubjects() throws Exception {
        OutboundMail o = mail();
        o.from = "\"Büro Zürich\" <support@relaydesk.local>";
        o.subject = "Grüße";
        MimeMessage m = composer.compose(session, o, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        String raw = out.toString(StandardCharsets.US_ASCII);
        assertThat(raw).contains("=?UTF-8?").doesNotContain("Büro");
        assertThat(m.getSubject()).isEqualTo("[Ticket#2026112310000011] Grüße");
    }

    private static OutboundMail mail() {
        OutboundMail o = new OutboundMail();
        o.id = UUID.randomUUID();
        o.kind = "reply";
        o.messageId = "<" + UUID.randomUUID() + "@relaydesk.local>";
        o.from = "\"RelayDesk Support\" <support@relaydesk.local>";
        o.to = "Customer One <customer1@example.com>";
        o.subject = "RE: Hello";
        o.ticketNumber = "2026112310000011";
        o.inReplyTo = "<a@example.com>";
        o.bodyText = "Hi";
        return o;
    }
}
