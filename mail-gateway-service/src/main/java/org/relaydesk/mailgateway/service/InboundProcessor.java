package org.relaydesk.mailgateway.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.Json;
import org.relaydesk.mailgateway.InboundStatus;
import org.relaydesk.mailgateway.client.TicketServiceClient;
import org.relaydesk.mailgateway.client.TicketServiceDtos;
import org.relaydesk.mailgateway.client.TicketServiceRejected;
import org.relaydesk.mailgateway.client.TicketServiceUnavailable;
import org.relaydesk.mailgateway.config.MailGatewayConfig;
import org.relaydesk.mailgateway.parsing.MailAddress;
import org.relaydesk.mailgateway.parsing.MailAttachment;
import org.relaydesk.mailgateway.parsing.MailParseException;
import org.relaydesk.mailgateway.parsing.MailParser;
import org.relaydesk.mailgateway.parsing.ParsedMail;
import org.relaydesk.mailgateway.pipeline.FollowUp;
import org.relaydesk.mailgateway.pipeline.FollowUpDetector;
import org.relaydesk.mailgateway.pipeline.PipelineDecision;
import org.relaydesk.mailgateway.repository.InboundMailRepository;
import org.relaydesk.mailgateway.repository.OutboundMailRepository;

/**
 * Processes one stored mail: parse → pipeline → ticket-service (new ticket, follow-up article, or
 * for a bounce: the original article reported failed plus a note) → the final status. A mail is
 * claimed first (a lease, so two workers never process it at once and a crashed worker's mail is
 * taken again); ticket-service is idempotent on the Message-ID, so a retry after a crash between
 * its commit and ours cannot create the ticket twice.
 *
 * <p>Failures: ticket-service unreachable (or answering 5xx/401/403/429) → the mail waits and is
 * retried with a growing backoff, for ever; unparseable, unroutable or refused for good (4xx) → the
 * quarantine, with the reason; a follow-up refused by the queue's policy (409 follow-up-rejected) → REJECTED.
 */
@ApplicationScoped
public class InboundProcessor {

    private static final Logger LOG = Logger.getLogger(InboundProcessor.class);
    private static final MailParser PARSER = new MailParser();

    /** What one call did. */
    public record Result(UUID mailId, InboundStatus status, String detail) {
    }

    @Inject
    InboundTransitions transitions;
    @Inject
    QuarantineService quarantine;
    @Inject
    PipelineProvider pipelines;
    @Inject
    FollowUpResolver followUps;
    @Inject
    QueueRouter router;
    @Inject
    TicketServiceClient tickets;
    @Inject
    BounceHandler bounces;
    @Inject
    InboundMailRepository mails;
    @Inject
    OutboundMailRepository outbound;
    @Inject
    MailGatewayConfig config;
    @Inject
    MeterRegistry metrics;

    /** Processes the due mails (retries, and new mails nobody took yet); returns what happened to each. */
    @ActivateRequestContext
    public List<Result> processDue() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> mails.dueIds(config.inbound().batchSize()));
        List<Result> results = new ArrayList<>(due.size());
        for (UUID id : due) {
            results.add(process(id));
        }
        return results;
    }

    /** Processes the mail if it is due and nobody else holds it; else reports its current status. */
    @ActivateRequestContext
    public Result process(UUID id) {
        Optional<InboundTransitions.Claimed> claimed = transitions.claim(id);
        if (claimed.isEmpty()) {
            InboundStatus now = QuarkusTransaction.requiringNew().call(() -> mails.status(id).orElse(null));
            return new Result(id, now, "not due or taken by another worker");
        }
        return process(claimed.get());
    }

    /** Processes a mail the caller has claimed (e.g. stored-and-claimed by a fetch pass). */
    @ActivateRequestContext
    public Result process(InboundTransitions.Claimed claimed) {
        Result r = run(claimed);
        metrics.counter("relaydesk.mail.inbound.processed", "status", r.status().name()).increment();
        return r;
    }

    private Result run(InboundTransitions.Claimed c) {
        ParsedMail mail;
        if (c.raw().length > config.inbound().maxMailBytes()) {
            return quarantined(c, null, "size", "the mail has " + c.raw().length + " bytes, more than "
                    + config.inbound().maxMailBytes() + " (relaydesk.mail.inbound.max-mail-bytes)", null);
        }
        try {
            mail = PARSER.parse(c.raw());
        } catch (MailParseException e) {
            return quarantined(c, null, "parse", e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "mail %s: parser failed", c.id());
            return quarantined(c, null, "parse", "parser failed: " + e, null);
        }
        PipelineDecision decision = null;
        try {
            String sender = mail.fromAddress();
            int autoResponses = QuarkusTransaction.requiringNew().call(() -> outbound.autoResponsesTo(sender,
                    LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC)));
            decision = pipelines.pipeline().decide(mail, autoResponses);
            return switch (decision.outcome()) {
                case IGNORE -> finished(c, mail, decision, InboundStatus.IGNORED, null, null, null,
                        "ignored by postmaster filter " + decision.filters().matchedFilters());
                case BOUNCE -> bounce(c, mail, decision);
                case TICKET -> deliver(c, mail, decision, decision.followUp(), decision.autoResponseAllowed());
            };
        } catch (TicketServiceUnavailable e) {
            Instant next = transitions.retryLater(c.id(), c.attempts(), e.getMessage(), decisionsJson(decision));
            LOG.warnf("mail %s: ticket-service not available (attempt %d), kept and retried at %s: %s",
                    c.id(), c.attempts(), next, e.getMessage());
            return new Result(c.id(), InboundStatus.RECEIVED, "retry at " + next + ": " + e.getMessage());
        } catch (TicketServiceRejected e) {
            if (e.status() == 409 && e.problemType() != null && e.problemType().endsWith("follow-up-rejected")) {
                return finished(c, mail, decision, InboundStatus.REJECTED, null, null, null, e.getMessage());
            }
            return quarantined(c, mail, "ticket-service", e.getMessage(), decision);
        } catch (RoutingException e) {
            return quarantined(c, mail, "routing", e.getMessage(), decision);
        } catch (RuntimeException e) {
            LOG.errorf(e, "mail %s: processing failed", c.id());
            return quarantined(c, mail, "processing", e.toString(), decision);
        }
    }

    private Result deliver(InboundTransitions.Claimed c, ParsedMail mail, PipelineDecision decision, FollowUp followUp,
            boolean autoResponse) {
        String messageId = "<" + (c.messageId() != null ? c.messageId()
                : "sha256." + c.rawSha256().substring(0, 40) + "@inbound.relaydesk.invalid") + ">";
        Optional<FollowUpResolver.Target> target = followUps.resolve(followUp);
        if (target.isPresent()) {
            FollowUpResolver.Target t = target.get();
            try {
                TicketServiceClient.Stored s = tickets.addArticle(t.ticketId(), article(mail, messageId, autoResponse));
                return finished(c, mail, decision, InboundStatus.COMMITTED, s.ticketId(),
                        s.ticketId() == t.ticketId() ? t.ticketNumber() : null, s.articleId(),
                        "follow-up of ticket " + t.ticketId() + " (" + t.how() + ")");
            } catch (TicketServiceRejected e) {
                if (e.status() != 404) {
                    throw e;
                }
                LOG.infof("mail %s: ticket %d of the follow-up is gone, opening a new ticket", c.id(), t.ticketId());
            }
        }
        long queueId = router.route(mail, decision, c.dispatch(), c.accountQueueId(), c.trusted());
        Integer priority = decision.filters().priority();
        if (priority == null && c.trusted()) {
            priority = headerPriority(mail);
        }
        TicketServiceDtos.CreateTicket request = new TicketServiceDtos.CreateTicket(
                title(mail), queueId, "email", decision.filters().state(), priority,
                decision.filters().dynamicFields().isEmpty() ? null : decision.filters().dynamicFields(),
                article(mail, messageId, autoResponse), autoResponse, decision.junk() ? Boolean.TRUE : null);
        TicketServiceClient.Stored s = tickets.createTicket(request);
        transitions.finish(c.id(), new InboundTransitions.Outcome(InboundStatus.COMMITTED, decisionsJson(decision),
                warningsJson(mail), s.ticketId(), s.ticketNumber(), s.articleId(), "ticket " + s.ticketNumber()
                        + " in queue " + queueId), queueId);
        LOG.infof("mail %s (%s): COMMITTED, ticket %s in queue %d", c.id(), c.messageId(), s.ticketNumber(), queueId);
        return new Result(c.id(), InboundStatus.COMMITTED, "ticket " + s.ticketNumber() + " in queue " + queueId);
    }

    private Result bounce(InboundTransitions.Claimed c, ParsedMail mail, PipelineDecision decision) {
        Optional<BounceHandler.Handled> handled = bounces.handle(c.id(), mail, decision.bounce(), decisionsJson(decision),
                warningsJson(mail));
        if (handled.isPresent()) {
            return new Result(c.id(), InboundStatus.BOUNCE_HANDLED, handled.get().detail());
        }
        // not a bounce of our mail: a normal mail, never answered automatically
        FollowUp followUp = new FollowUpDetector(config.ticketHook(), config.followUpSearchBody()).detect(mail);
        return deliver(c, mail, decision, followUp, false);
    }


    static TicketServiceDtos.Article article(ParsedMail mail, String messageId, boolean autoResponse) {
        List<TicketServiceDtos.Attachment> files = new ArrayList<>();
        for (MailAttachment a : mail.attachments()) {
            files.add(new TicketServiceDtos.Attachment(a.fileName(), a.contentType(),
                    Base64.getEncoder().encodeToString(a.content())));
        }
        String body = mail.bodyText();
        if ((body == null || body.isBlank()) && (mail.bodyHtml() == null || mail.bodyHtml().isBlank()) && files.isEmpty()) {
            body = "(empty message)";
        }
        return new TicketServiceDtos.Article("email", "customer", true, format(mail.from()), addresses(mail.to()),
                mail.cc().isEmpty() ? null : addresses(mail.cc()), subject(mail), body, mail.bodyHtml(), messageId,
                mail.inReplyTo() == null ? null : "<" + mail.inReplyTo() + ">",
                mail.references().isEmpty() ? null : mail.references().stream().map(r -> "<" + r + ">")
                        .collect(Collectors.joining(" ")),
                files.isEmpty() ? null : files, autoResponse);
    }

    private static String subject(ParsedMail mail) {
        String s = mail.subject() == null ? "" : mail.subject().strip();
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    private static String title(ParsedMail mail) {
        String s = subject(mail);
        if (s.isEmpty()) {
            return "(no subject)";
        }
        return s.length() > 255 ? s.substring(0, 255) : s;
    }

    static String format(MailAddress a) {
        if (a == null || a.address().isEmpty()) {
            return null;
        }
        if (a.name().isEmpty()) {
            return a.address();
        }
        return "\"" + a.name().replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + a.address() + ">";
    }

    static String addresses(List<MailAddress> list) {
        return list.stream().map(InboundProcessor::format).filter(s -> s != null).collect(Collectors.joining(", "));
    }

    private static Integer headerPriority(ParsedMail mail) {
        String p = Optional.ofNullable(mail.header("X-RelayDesk-Priority")).orElse(mail.header("X-OTRS-Priority"));
        if (p == null || p.isBlank() || !Character.isDigit(p.strip().charAt(0))) {
            return null;
        }
        int n = p.strip().charAt(0) - '0';
        return n >= 1 && n <= 5 ? n : null;
    }

    private Result finished(InboundTransitions.Claimed c, ParsedMail mail, PipelineDecision decision, InboundStatus status,
            Long ticketId, String number, Long articleId, String note) {
        transitions.finish(c.id(), new InboundTransitions.Outcome(status, decisionsJson(decision), warningsJson(mail),
                ticketId, number, articleId, note));
        LOG.infof("mail %s (%s): %s, %s", c.id(), c.messageId(), status, note);
        return new Result(c.id(), status, note);
    }

    private Result quarantined(InboundTransitions.Claimed c, ParsedMail mail, String stage, String reason,
            PipelineDecision decision) {
        quarantine.quarantine(c.id(), stage, reason, mail == null ? null : mail.fromAddress(),
                mail == null ? null : mail.subject(), decisionsJson(decision), warningsJson(mail));
        return new Result(c.id(), InboundStatus.QUARANTINED, stage + ": " + reason);
    }

    static String decisionsJson(PipelineDecision d) {
        if (d == null) {
            return null;
        }
        List<Map<String, String>> stages = d.stages().stream().map(s -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("stage", s.stage());
            m.put("decision", s.decision());
            return m;
        }).toList();
        return Json.write(stages);
    }

    static String warningsJson(ParsedMail mail) {
        return mail == null || mail.warnings().isEmpty() ? null : Json.write(mail.warnings());
    }
}
