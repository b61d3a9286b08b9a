package org.relaydesk.mailgateway.parsing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared sample-mail corpus ({@code shared/corpus/mail/}) by walking up from the
 * working directory, so tests run from the module, the worktree or the repository root.
 */
public final class MailCorpus {

    private static final Path MANIFEST = Path.of("shared", "corpus", "mail", "manifest.json");

    private MailCorpus() {
    }

    /** The corpus directory; fails with the places searched when it is not found. */
    public static Path directory() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MANIFEST))) {
                return dir.resolve(MANIFEST).getParent();
            }
        }
        throw new IllegalStateException("mail corpus not found: no " + MANIFEST
                + " in " + start + " or any directory above it");
    }

    /** The raw bytes of a corpus file, {@code relative} as written in the manifest. */
    public static byte[] read(String relative) {
        try {
            return Files.readAllBytes(directory().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
