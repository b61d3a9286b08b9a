package org.relaydesk.mailgateway.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.relaydesk.mailgateway.parsing.ParsedMail;

/**
 * The inbound decision pipeline, in the order of issue 4: loop protection, bounce detection,
 * auto-reply detection, postmaster filters, follow-up detection. Pure logic: the caller
 * supplies the sender's auto-response count for today, looks up the ticket number or
 * message ids afterwards, and applies the queue's policy for follow-ups to closed tickets.
 * Each stage's decision is logged (category {@code org.relaydesk.mailgateway.pipeline}) and
 * returned in {@link PipelineDecision#stages()}.
 *
 * <p>Thread-safe once built; rebuild when filters or settings change.
 */
public final class MailPipeline {

    private static final Logger LOG = Logger.getLogger(MailPipeline.class);

    private final LoopProtection loopProtection;
    private final BounceDetector bounceDetector = new BounceDetector();
    private final AutoReplyDetector autoReplyDetector = new AutoReplyDetector();
    private final PostmasterFilterEvaluator filterEvaluator;
    private final FollowUpDetector followUpDetector;

    public MailPipeline(PipelineSettings settings, List<PostmasterFilter> filters) {
        this.loopProtection = new LoopProtection(settings.systemAddresses(), settings.maxAutoResponsesPerDay());
        this.filterEvaluator = new PostmasterFilterEvaluator(filters);
        this.followUpDetector = new FollowUpDetector(settings.ticketHook(), settings.followUpSearchBody());
    }

    /**
     * @param mail the parsed mail
     * @param autoResponsesSentToSenderToday auto responses the sender already got today
     */
    public PipelineDecision decide(ParsedMail mail, int autoResponsesSentToSenderToday) {
        List<PipelineDecision.StageDecision> stages = new ArrayList<>();
        String mailRef = mail.messageId() == null ? "(no Message-ID)" : "<" + mail.messageId() + ">";

        // 1. loop protection
        LoopProtection.LoopDecision loop = loopProtection.check(mail, autoResponsesSentToSenderToday);
        boolean autoResponseAllowed = loop.autoResponseAllowed();
        stage(stages, mailRef, "loop-protection", autoResponseAllowed
                ? "auto response allowed"
                : "no auto response: " + String.join("; ", loop.reasons()));

        // 2. bounce detection
        Optional<Bounce> bounce = bounceDetector.detect(mail);
        if (bounce.isPresent()) {
            Bounce b = bounce.get();
            autoResponseAllowed = false;
            if (b.originalMessageId() != null) {
                stage(stages, mailRef, "bounce", "delivery report for <" + b.originalMessageId() + ">, recipient "
                        + b.failedRecipient() + ", action " + b.action() + ", status " + b.status()
                        + ": mark the original article failed, no new ticket");
                return new PipelineDecision(PipelineDecision.Outcome.BOUNCE, false, b, null, FilterOutcome.NONE,
                        null, stages);
            }
            stage(stages, mailRef, "bounce", "delivery report without the original Message-ID (recipient "
                    + b.failedRecipient() + "): processed as a normal mail, no auto response");
        } else {
            stage(stages, mailRef, "bounce", "not a bounce");
        }

        // 3. auto-reply / out-of-office
        Optional<String> autoReply = autoReplyDetector.detect(mail);
        if (autoReply.isPresent()) {
            autoResponseAllowed = false;
            stage(stages, mailRef, "auto-reply", "auto-reply (" + autoReply.get() + "): never answered automatically");
        } else {
            stage(stages, mailRef, "auto-reply", "not an auto-reply");
        }

        // 4. postmaster filters
        FilterOutcome filters = filterEvaluator.evaluate(mail);
        if (filters.matchedFilters().isEmpty()) {
            stage(stages, mailRef, "postmaster-filter", "no filter matched");
        } else {
            stage(stages, mailRef, "postmaster-filter", "matched " + filters.matchedFilters() + describe(filters));
        }
        if (filters.ignore()) {
            return new PipelineDecision(PipelineDecision.Outcome.IGNORE, false, bounce.orElse(null),
                    autoReply.orElse(null), filters, null, stages);
        }
        if (filters.junk()) {
            autoResponseAllowed = false;
        }

        // 5. follow-up detection
        FollowUp followUp = followUpDetector.detect(mail);
        if (followUp.hasTicketNumber()) {
            stage(stages, mailRef, "follow-up", "ticket number " + followUp.ticketNumber() + " in the "
                    + followUp.foundIn());
        } else if (!followUp.referencedMessageIds().isEmpty()) {
            stage(stages, mailRef, "follow-up", "no ticket number; look up referenced message ids "
                    + followUp.referencedMessageIds());
        } else {
            stage(stages, mailRef, "follow-up", "new ticket: no ticket number and no references");
        }
        return new PipelineDecision(PipelineDecision.Outcome.TICKET, autoResponseAllowed, bounce.orElse(null),
                autoReply.orElse(null), filters, followUp, stages);
    }

    private static String describe(FilterOutcome f) {
        StringBuilder sb = new StringBuilder();
        if (f.queue() != null) {
            sb.append(", queue ").append(f.queue());
        }
        if (f.priority() != null) {
            sb.append(", priority ").append(f.priority());
        }
        if (f.state() != null) {
            sb.append(", state ").append(f.state());
        }
        if (!f.dynamicFields().isEmpty()) {
            sb.append(", dynamic fields ").append(f.dynamicFields());
        }
        if (f.junk()) {
            sb.append(", junk");
        }
        if (f.ignore()) {
            sb.append(", ignore");
        }
        return sb.toString();
    }

    private static void stage(List<PipelineDecision.StageDecision> stages, String mailRef, String stage, String decision) {
        stages.add(new PipelineDecision.StageDecision(stage, decision));
        LOG.infof("mail %s %s: %s", mailRef, stage, decision);
    }
}
