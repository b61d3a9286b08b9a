package org.relaydesk.mailgateway.parsing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged mail never escapes as anything but {@link MailParseException}: every corpus mail
 * cut short at many points and with random bytes overwritten either parses (with warnings)
 * or is refused with a reason. Seeded, so a failure reproduces.
 */
class MailParserRobustnessTest {

    private static final MailParser PARSER = new MailParser();

    static Stream<String> corpusFiles() throws IOException {
        Path dir = MailCorpus.directory();
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> names = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".box") || p.toString().endsWith(".eml"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void truncatedAndCorruptedMailNeverThrowsUnexpectedly(String file) {
        byte[] raw = MailCorpus.read(file);
        Random random = new Random(file.hashCode());
        for (int i = 0; i < 20; i++) {
            int cut = random.nextInt(raw.length + 1);
            survive(file + " cut at " + cut, Arrays.copyOf(raw, cut));
        }
        for (int i = 0; i < 20; i++) {
            byte[] damaged = raw.clone();
            for (int j = 0; j < 1 + damaged.length / 200; j++) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            survive(file + " corrupted, round " + i, damaged);
        }
    }

    private static void survive(String what, byte[] bytes) {
        try {
            ParsedMail mail = PARSER.parse(bytes);
            assertNotNull(mail.subject(), what);
            assertNotNull(mail.bodyText(), what);
        } catch (MailParseException expected) {
            assertNotNull(expected.getMessage(), what);
            if (expected.getCause() instanceof RuntimeException) {
                fail(what + ": parser defect surfaced as " + expected.getMessage(), expected);
            }
        } catch (RuntimeException e) {
            fail(what + ": " + e, e);
        }
    }
}
