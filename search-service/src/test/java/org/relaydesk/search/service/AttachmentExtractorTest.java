package org.relaydesk.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The extraction limits and outcomes, without a service around it. */
class AttachmentExtractorTest {

    private final AttachmentExtractor extractor = new AttachmentExtractor(10_000, 50, Duration.ofSeconds(30));

    @AfterEach
    void close() {
        extractor.close();
    }

    @Test
    void plainTextAndDocx() throws IOException {
        AttachmentExtractor.Result text = extractor.extract("Router  reboots\n\nat night".getBytes(StandardCharsets.UTF_8),
                "notes.txt", "text/plain");
        assertEquals("Router reboots at night", text.text());
        assertFalse(text.truncated());

        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("Quarterly firmware plan");
            doc.write(docx);
        }
        // the stored content type may be a generic one: Tika detects the type from the bytes
        AttachmentExtractor.Result word = extractor.extract(docx.toByteArray(), "plan.docx", "application/octet-stream");
        assertEquals("Quarterly firmware plan", word.text());
    }

    @Test
    void textIsCutOffAtTheLimit() {
        AttachmentExtractor.Result r = extractor.extract("word ".repeat(100).getBytes(StandardCharsets.UTF_8), "long.txt",
                "text/plain");
        assertTrue(r.truncated());
        assertTrue(r.text().length() <= 50, r.text());
        assertTrue(r.text().startsWith("word word"));
    }

    @Test
    void unreadableFilesAreSkippedWithAReason() {
        AttachmentExtractor.Result corrupt = extractor.extract("%PDF-1.7\nthis is no pdf at all".getBytes(StandardCharsets.UTF_8),
                "broken.pdf", "application/pdf");
        assertTrue(corrupt.isSkipped());
        assertNull(corrupt.text());
        assertTrue(corrupt.skipReason().contains("unreadable"), corrupt.skipReason());

        AttachmentExtractor.Result big = extractor.extract(new byte[10_001], "big.bin", "application/octet-stream");
        assertTrue(big.skipReason().startsWith("larger than 10000 bytes"), big.skipReason());

        AttachmentExtractor.Result empty = extractor.extract(new byte[0], "empty.txt", "text/plain");
        assertEquals("empty file", empty.skipReason());
    }

    @Test
    void aParseThatTakesTooLongIsAbandoned() {
        // 2 MB of text cannot be parsed within a millisecond
        try (AttachmentExtractor impatient = new AttachmentExtractor(10_000_000, 10_000_000, Duration.ofMillis(1))) {
            AttachmentExtractor.Result r = impatient.extract("lorem ipsum ".repeat(200_000).getBytes(StandardCharsets.UTF_8),
                    "huge.txt", "text/plain");
            assertTrue(r.isSkipped());
            assertTrue(r.skipReason().startsWith("parsing took longer than"), r.skipReason());
        }
    }

    @Test
    void retriesBackOffExponentiallyUpToTheMaximum() {
        Duration first = Duration.ofSeconds(10);
        Duration max = Duration.ofMinutes(30);
        assertEquals(Duration.ofSeconds(10), AttachmentTexts.backoff(1, first, max));
        assertEquals(Duration.ofSeconds(20), AttachmentTexts.backoff(2, first, max));
        assertEquals(Duration.ofSeconds(80), AttachmentTexts.backoff(4, first, max));
        assertEquals(max, AttachmentTexts.backoff(9, first, max));
        assertEquals(max, AttachmentTexts.backoff(1000, first, max));
    }
}
