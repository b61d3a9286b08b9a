package org.relaydesk.search.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.relaydesk.search.client.TicketServiceClient;
import org.relaydesk.search.config.SearchConfig;

/**
 * Reads the text of attachments in the background, apart from the event consumer (a big PDF never
 * holds up indexing): claims due articles from {@code pending_extraction}, gets their attachment list
 * and bytes from ticket-service, extracts the text with {@link AttachmentExtractor}, stores each
 * outcome in {@code attachment_text} and writes the text to the article and ticket documents; the
 * article is then done. ticket-service, Elasticsearch or PostgreSQL unreachable: the article is tried
 * again with backoff, never given up; a file that cannot be read (too large, corrupt, encrypted, no
 * text) is logged with the reason and skipped, and the other attachments are indexed. Metric
 * {@code relaydesk_search_attachments_pending}: articles waiting (counted after each round).
 */
@ApplicationScoped
public class AttachmentTextWorker {

    private static final Logger LOG = Logger.getLogger(AttachmentTextWorker.class);

    @Inject
    SearchConfig config;
    @Inject
    AttachmentTexts store;
    @Inject
    TicketServiceClient tickets;
    @Inject
    TicketIndex index;
    @Inject
    MeterRegistry registry;

    private final AtomicLong pending = new AtomicLong();
    private ScheduledExecutorService loop;
    private AttachmentExtractor extractor;

    void start(@Observes StartupEvent event) {
        SearchConfig.Attachments a = config.attachments();
        if (!a.enabled()) {
            LOG.info("attachment text extraction is off (relaydesk.search.attachments.enabled=false)");
            return;
        }
        extractor = new AttachmentExtractor(a.maxBytes(), a.maxChars(), a.parseTimeout());
        Gauge.builder("relaydesk.search.attachments.pending", pending, AtomicLong::get)
                .description("articles whose attachment text is still to be read (due or waiting for a retry)")
                .register(registry);
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "attachment-text");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(this::drain, 1000, a.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.shutdownNow();
            extractor.close();
        }
    }

    /** Works through the due articles until there are none. */
    void drain() {
        try {
            SearchConfig.Attachments a = config.attachments();
            List<AttachmentTexts.Claim> claims;
            do {
                claims = store.claim(a.batchSize(), a.lease());
                for (AttachmentTexts.Claim claim : claims) {
                    if (Thread.currentThread().isInterrupted()) {
                        return; // shutting down: the claims come back after their lease
                    }
                    process(claim);
                }
            } while (!claims.isEmpty());
            pending.set(store.pending());
        } catch (RuntimeException e) {
            // PostgreSQL unreachable: the next round tries again
            LOG.warnf("attachment text extraction paused: %s", e.getMessage());
        }
    }

    private void process(AttachmentTexts.Claim claim) {
        try {
            JsonNode article = tickets.article(claim.ticketId(), claim.articleId());
            if (article == null) {
                // deleted, or moved by a merge (then the row has the new ticket and stays due)
                LOG.infof("article %d is no longer on ticket %d at ticket-service: no attachment text to read",
                        claim.articleId(), claim.ticketId());
                store.gone(claim);
                return;
            }
            Map<Long, AttachmentTexts.Outcome> stored = store.outcomes(claim.articleId());
            List<String> texts = new ArrayList<>();
            for (JsonNode attachment : article.path("attachments")) {
                AttachmentTexts.Outcome outcome = stored.get(attachment.path("id").asLong());
                if (outcome == null) {
                    outcome = read(claim, attachment);
                    store.store(claim.articleId(), claim.ticketId(), outcome);
                }
                if (outcome.text() != null) {
                    texts.add(outcome.text());
                }
            }
            if (!index.attachmentText(claim.articleId(), texts)) {
                LOG.infof("article %d of ticket %d is not in the index (deleted): attachment text dropped",
                        claim.articleId(), claim.ticketId());
                store.gone(claim);
                return;
            }
            store.done(claim);
        } catch (RuntimeException e) {
            SearchConfig.Attachments a = config.attachments();
            Duration delay = AttachmentTexts.backoff(claim.attempts(), a.retryDelay(), a.maxRetryDelay());
            LOG.warnf("attachment text of article %d (ticket %d) not indexed yet, attempt %d, next in %s: %s",
                    claim.articleId(), claim.ticketId(), claim.attempts(), delay, e.getMessage());
            try {
                store.retryLater(claim, delay, String.valueOf(e.getMessage()));
            } catch (RuntimeException again) {
                // PostgreSQL too: the claim's lease brings the article back
                LOG.warnf("could not record the retry of article %d: %s", claim.articleId(), again.getMessage());
            }
        }
    }

    /** One attachment: its text, or why it is skipped (logged). Throws only when it may pass (ticket-service unreachable). */
    private AttachmentTexts.Outcome read(AttachmentTexts.Claim claim, JsonNode attachment) {
        long id = attachment.path("id").asLong();
        String filename = attachment.path("filename").asText("");
        String contentType = attachment.path("contentType").isTextual() ? attachment.path("contentType").asText() : null;
        long size = attachment.path("size").asLong();
        AttachmentExtractor.Result result;
        if (size > extractor.maxBytes()) {
            result = AttachmentExtractor.Result.skipped("larger than " + extractor.maxBytes() + " bytes (" + size + ")");
        } else {
            byte[] bytes;
            try {
                bytes = tickets.attachment(claim.ticketId(), claim.articleId(), id, extractor.maxBytes());
                result = bytes == null ? AttachmentExtractor.Result.skipped("not found at ticket-service")
                        : extractor.extract(bytes, filename, contentType);
            } catch (IllegalArgumentException e) {
                result = AttachmentExtractor.Result.skipped(e.getMessage());
            }
        }
        if (result.isSkipped()) {
            LOG.warnf("attachment %d \"%s\" (%s) of article %d, ticket %d: no text indexed, %s", id, filename, contentType,
                    claim.articleId(), claim.ticketId(), result.skipReason());
            return new AttachmentTexts.Outcome(id, filename, null, result.skipReason());
        }
        if (result.truncated()) {
            LOG.infof("attachment %d \"%s\" of article %d: text cut off at %d characters", id, filename, claim.articleId(),
                    config.attachments().maxChars());
        }
        return new AttachmentTexts.Outcome(id, filename, result.text(), null);
    }
}
