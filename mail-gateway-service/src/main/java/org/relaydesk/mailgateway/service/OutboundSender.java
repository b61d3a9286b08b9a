package org.relaydesk.mailgateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.Json;
import org.relaydesk.mailgateway.OutboundMail;
import org.relaydesk.mailgateway.OutboundStatus;
import org.relaydesk.mailgateway.client.TicketServiceClient;
import org.relaydesk.mailgateway.client.TicketServiceUnavailable;
import org.relaydesk.mailgateway.config.MailGatewayConfig;
import org.relaydesk.mailgateway.repository.OutboundMailRepository;

/**
 * Sends queued outbound mail over SMTP and reports each result on {@code mail.delivery} (through
 * the outbox, in the transaction that records it). A mail is claimed with a lease before it is
 * sent; temporary failures (relay down, 4xx, ticket-service down while fetching attachments) are
 * retried with a doubling backoff up to {@code relaydesk.mail.outbound.max-attempts}, permanent
 * ones (5xx, invalid addresses) fail at once. A crash after the SMTP relay took a mail but before
 * it was recorded sends it once more after the lease: at-least-once, with the same Message-ID.
 */
@ApplicationScoped
public class OutboundSender {

    private static final Logger LOG = Logger.getLogger(OutboundSender.class);
    private static final Duration LEASE = Duration.ofMinutes(5);

    @Inject
    OutboundMailRepository outbound;
    @Inject
    SmtpSender smtp;
    @Inject
    DeliveryResults results;
    @Inject
    TicketServiceClient tickets;
    @Inject
    MailGatewayConfig config;
    @Inject
    MeterRegistry metrics;

    private volatile boolean running;
    private volatile Thread worker;
    private MimeComposer composer;

    void start(@Observes StartupEvent event) {
        composer = new MimeComposer(config.ticketHook());
        if (!config.outbound().sendEnabled()) {
            LOG.info("outbound sending is switched off (relaydesk.mail.outbound.send-enabled=false)");
            return;
        }
        running = true;
        Thread t = new Thread(this::loop, "mail-outbound-sender");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboundQueue.Queued queued) {
        wake();
    }

    private void wake() {
        Thread t = worker;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void loop() {
        while (running) {
            int n = 0;
            try {
                n = sendDue();
            } catch (RuntimeException e) {
                LOG.warnf(e, "outbound sender: a pass failed");
            }
            if (n == 0 && running) {
                LockSupport.parkNanos(config.outbound().scan().toNanos());
            }
        }
    }

    /** Sends the mails that are due; returns how many were attempted. */
    @ActivateRequestContext
    public int sendDue() {
        List<OutboundMail> due = QuarkusTransaction.requiringNew().call(() -> {
            List<OutboundMail> rows = outbound.lockDue(config.outbound().batchSize());
            Instant lease = Instant.now().plus(LEASE);
            for (OutboundMail o : rows) {
                o.attempts++;
                o.nextAttemptAt = lease;
            }
            return rows;
        });
        if (due.isEmpty()) {
            return 0;
        }
        SmtpSender.Connection connection = null;
        try {
            for (OutboundMail o : due) {
                if (connection == null || !connection.connected()) {
                    try {
                        connection = smtp.connect();
                    } catch (MessagingException e) {
                        retryOrFail(o, "SMTP relay " + config.smtp().host() + ":" + config.smtp().port()
                                + " not reachable: " + e.getMessage(), false);
                        continue;
                    }
                }
                send(connection, o);
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        return due.size();
    }

    private void send(SmtpSender.Connection connection, OutboundMail o) {
        MimeMessage message;
        try {
            message = composer.compose(smtp.session(), o, files(o));
        } catch (TicketServiceUnavailable e) {
            retryOrFail(o, "attachments not available yet: " + e.getMessage(), false);
            return;
        } catch (MessagingException | RuntimeException e) {
            retryOrFail(o, "cannot build the mail: " + e.getMessage(), true);
            return;
        }
        SmtpSender.Outcome outcome = connection.send(message);
        if (outcome.sent()) {
            record(o.id, OutboundStatus.SENT, outcome.detail(), null);
            metrics.counter("relaydesk.mail.outbound", "status", "sent").increment();
            LOG.infof("outbound mail %s sent to %s: %s", o.messageId, o.to, outcome.detail());
        } else {
            retryOrFail(o, outcome.detail(), outcome.permanent());
        }
    }

    private List<MimeComposer.File> files(OutboundMail o) {
        if (o.attachments == null) {
            return List.of();
        }
        JsonNode list = read(o.attachments);
        List<MimeComposer.File> files = new ArrayList<>();
        boolean needTicketService = false;
        for (JsonNode f : list) {
            if (f.hasNonNull("contentBase64")) {
                files.add(new MimeComposer.File(f.path("filename").asText("file"), f.path("contentType").asText(null),
                        Base64.getMimeDecoder().decode(f.get("contentBase64").asText())));
            } else {
                needTicketService = true;
            }
        }
        if (needTicketService && o.ticketId != null && o.articleId != null) {
            for (TicketServiceClient.AttachmentRef a : tickets.attachments(o.ticketId, o.articleId)) {
                files.add(new MimeComposer.File(a.filename(), a.contentType(),
                        tickets.attachment(o.ticketId, o.articleId, a.id())));
            }
        }
        return files;
    }

    private void retryOrFail(OutboundMail o, String error, boolean permanent) {
        if (permanent || o.attempts >= config.outbound().maxAttempts()) {
            String detail = permanent ? error : "gave up after " + o.attempts + " attempts: " + error;
            record(o.id, OutboundStatus.FAILED, null, detail);
            metrics.counter("relaydesk.mail.outbound", "status", "failed").increment();
            LOG.warnf("outbound mail %s to %s failed: %s", o.messageId, o.to, detail);
            return;
        }
        Duration wait = backoff(o.attempts);
        QuarkusTransaction.requiringNew().run(() -> {
            OutboundMail row = outbound.findById(o.id);
            row.lastError = error;
            row.nextAttemptAt = Instant.now().plus(wait);
        });
        LOG.infof("outbound mail %s to %s not sent (attempt %d), retry in %s: %s", o.messageId, o.to, o.attempts, wait, error);
    }

    private void record(UUID id, OutboundStatus status, String smtpResponse, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            OutboundMail row = outbound.findById(id);
            Instant now = Instant.now();
            row.status = status;
            if (status == OutboundStatus.SENT) {
                row.sentAt = now;
                row.smtpResponse = smtpResponse;
                row.lastError = null;
                results.sent(row, smtpResponse, now);
            } else {
                row.lastError = error;
                results.failed(row, error, false, now);
            }
        });
    }

    Duration backoff(int attempts) {
        Duration min = config.outbound().retryMin();
        Duration max = config.outbound().retryMax();
        Duration d = min.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return d.compareTo(max) > 0 ? max : d;
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
