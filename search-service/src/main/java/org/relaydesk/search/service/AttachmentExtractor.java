package org.relaydesk.search.service;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Plain text of an attachment with Apache Tika (type detection plus the standard parsers: PDF,
 * Office and OpenDocument, RTF, HTML, e-mail, archives and what they contain, plain text). Limits:
 * files above {@code maxBytes} are not parsed, at most {@code maxChars} characters are kept, and a
 * parse that runs longer than {@code timeout} is abandoned (Tika's {@code SecureContentHandler},
 * which {@link AutoDetectParser} puts around the handler, stops decompression bombs early). A file
 * that cannot be read is a {@link Result#skipped} result with the reason, never an exception.
 */
public final class AttachmentExtractor implements AutoCloseable {

    /** The text (whitespace runs folded into one space), or why there is none. */
    public record Result(String text, String skipReason, boolean truncated) {

        static Result extracted(String text, boolean truncated) {
            return new Result(text, null, truncated);
        }

        static Result skipped(String reason) {
            return new Result(null, reason, false);
        }

        public boolean isSkipped() {
            return skipReason != null;
        }
    }

    private final AutoDetectParser parser = new AutoDetectParser();
    private final long maxBytes;
    private final int maxChars;
    private final Duration timeout;
    /** Parses run here so that a hanging parser can be given up on; a stuck thread is left behind (daemon). */
    private final ExecutorService parsing;

    public AttachmentExtractor(long maxBytes, int maxChars, Duration timeout) {
        this.maxBytes = maxBytes;
        this.maxChars = maxChars;
        this.timeout = timeout;
        AtomicInteger n = new AtomicInteger();
        this.parsing = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "attachment-parser-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The text of a file; {@code contentType} (as stored) and {@code filename} help the type detection. */
    public Result extract(byte[] content, String filename, String contentType) {
        if (content.length > maxBytes) {
            return Result.skipped("larger than " + maxBytes + " bytes (" + content.length + ")");
        }
        Future<Result> parse = parsing.submit(() -> parse(content, filename, contentType));
        try {
            return parse.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            parse.cancel(true);
            return Result.skipped("parsing took longer than " + timeout.toSeconds() + " s, abandoned");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return Result.skipped("parser failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            parse.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing " + filename, e);
        }
    }

    private Result parse(byte[] content, String filename, String contentType) throws IOException {
        if (content.length == 0) {
            return Result.skipped("empty file");
        }
        Metadata metadata = new Metadata();
        if (filename != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        }
        if (contentType != null && !contentType.isBlank()) {
            metadata.set(Metadata.CONTENT_TYPE, contentType);
        }
        ParseContext context = new ParseContext();
        // documents inside the document (a zip's files, a mail's attachments) are read too, within the same limits
        context.set(Parser.class, parser);
        BodyContentHandler handler = new BodyContentHandler(maxChars);
        boolean truncated = false;
        try (TikaInputStream in = TikaInputStream.get(content)) {
            parser.parse(in, handler, metadata, context);
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                return Result.skipped("unreadable: " + e.getMessage());
            }
            truncated = true;
        } catch (EncryptedDocumentException e) {
            return Result.skipped("encrypted");
        } catch (ZeroByteFileException e) {
            return Result.skipped("empty file");
        } catch (TikaException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else {
                return Result.skipped("unreadable (" + metadata.get(Metadata.CONTENT_TYPE) + "): " + e.getMessage());
            }
        }
        String text = handler.toString().replaceAll("\\s+", " ").trim();
        if (text.isEmpty()) {
            return Result.skipped("no text found (" + metadata.get(Metadata.CONTENT_TYPE) + ")");
        }
        return Result.extracted(text, truncated);
    }

    @Override
    public void close() {
        parsing.shutdownNow();
    }
}
