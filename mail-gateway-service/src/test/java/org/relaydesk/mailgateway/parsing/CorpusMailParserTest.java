package org.relaydesk.mailgateway.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parses every mail listed in {@code shared/corpus/mail/manifest.json} and checks subject,
 * sender, body text and attachment names against the manifest.
 */
class CorpusMailParserTest {

    /**
     * Our reading where the manifest's two reference parsers disagree ({@code attachmentsNote}).
     * The rule behind every choice: each non-body leaf part is an attachment, including a
     * nested message/rfc822 (the README counts it), a signature, an encrypted payload, and a
     * report part that carries a file name. File names are decoded but not rewritten: only a
     * generated name (a nested message named after its subject) is made file-name safe.
     */
    private static final Map<String, List<String>> CHOSEN_ATTACHMENTS = Map.of(
            // The returned message is a message/rfc822 part without a name: attachment named after
            // its subject; both report parts carry file names, so they are attachments as well.
            "EmailParser/FilenameWithNewline.box", List.of(
                    "deliveryproblems.txt",
                    "deliverystatus.txt",
                    "Test_testtestt_1231234_34_Testtesttes_testes_testtesttestt_-_testtesttes_dokumentów_Sprzedaż__testTE__...___TE#123123123_.eml"),
            // A single-part application/msword mail: the document is the whole message, so it is
            // an attachment (with its koi8-r RFC 2047 name), not nothing.
            "EmailParser/PostMaster-Test13.box", List.of("Заявка на генерацию 402 240108 (3).doc"),
            // A bounce: the returned message (message/rfc822, no name) is kept as an attachment named
            // after its subject; the unnamed delivery-status part is a report part, not an attachment.
            "PostMaster/PostMaster-Test10.box", List.of("_Ticket#2007070610001801__test_mail.eml"),
            // Eight attachments with names in six charsets. The first reference reading rewrote some
            // names (space and parentheses to '_'); we keep the decoded names as sent. ISO-2022-JP
            // is read with the NEC extensions (x-windows-50221), so 0x2D21 is "①", not lost.
            "PostMaster/PostMaster-Test12.box", List.of(
                    "attachment-äöüß-utf8.txt",
                    "attachment-äöüß-iso.txt",
                    "Обяснительная.jpg",
                    "Сообщение.jpg",
                    "報告書①..txt",
                    "金田\u3000美羽",
                    "國科會50科學之旅活動計畫徵求書(r_final).doc",
                    "2차 보도자료.hwp"),
            // S/MIME enveloped-data: we cannot decrypt, so the encrypted payload is kept intact as
            // the attachment smime.p7m (and the mail is flagged encrypted).
            "SMIME/SMIME-Test.eml", List.of("smime.p7m"));

    /**
     * Display names where we deliberately read the mail differently from the manifest. Both
     * From headers carry raw 8-bit bytes 0xA9 and 0xAE with no charset anywhere. The reference
     * parsers decoded them as UTF-8 and got replacement characters (U+FFFD); we read raw 8-bit
     * header bytes as UTF-8 when they are valid UTF-8 and otherwise as windows-1252, which
     * turns them into what the sender meant: "©" and "®". Nothing is lost either way for the
     * address, and the name is better for the agent.
     */
    private static final Map<String, String> CHOSEN_FROM_NAMES = Map.of(
            "EmailParser/PostMaster-Test18.box", "© VIAGRA ® Official",
            "PostMaster/PostMaster-Test14.box", "VIAGRA ® Official Site");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MailParser PARSER = new MailParser();

    static Stream<Arguments> corpus() throws IOException {
        JsonNode manifest = JSON.readTree(Files.readAllBytes(MailCorpus.directory().resolve("manifest.json")));
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode mail : manifest.get("mails")) {
            cases.add(Arguments.of(mail.get("file").asText(), mail));
        }
        assertTrue(cases.size() >= 47, "manifest lists " + cases.size() + " mails");
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void parsesAsTheManifestSays(String file, JsonNode expected) throws MailParseException {
        ParsedMail mail = PARSER.parse(MailCorpus.read(file));

        assertEquals(expected.get("subject").asText(), mail.subject(), "subject");
        assertEquals(expected.get("fromAddress").asText(), mail.fromAddress(), "fromAddress");
        assertEquals(CHOSEN_FROM_NAMES.getOrDefault(file, expected.get("fromName").asText()), mail.fromName(),
                "fromName" + (CHOSEN_FROM_NAMES.containsKey(file) ? " (our reading; manifest says '"
                        + expected.get("fromName").asText() + "')" : ""));
        if (expected.has("bodyContains")) {
            String body = collapse(mail.bodyText());
            String wanted = collapse(expected.get("bodyContains").asText());
            assertTrue(body.contains(wanted), "body should contain '" + wanted + "' but was: " + abbreviate(body));
        }
        List<String> names = mail.attachments().stream().map(MailAttachment::fileName).toList();
        if (expected.has("attachmentsNote")) {
            List<String> chosen = CHOSEN_ATTACHMENTS.get(file);
            assertTrue(chosen != null, "no reading chosen for " + file + ": " + expected.get("attachmentsNote").asText());
            assertEquals(chosen, names, "attachments (our reading; manifest says "
                    + expected.get("attachmentsNote").asText() + ")");
        } else {
            List<String> wanted = new ArrayList<>();
            expected.get("attachments").forEach(n -> wanted.add(n.asText()));
            assertEquals(wanted, names, "attachments");
        }
    }

    static String collapse(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u00A0]+", " ").trim();
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
