package org.relaydesk.mailgateway.pipeline;

import java.util.List;

/**
 * What the inbound pipeline decided for one mail, with each stage's decision in order.
 *
 * @param outcome what the caller does next
 * @param autoResponseAllowed whether ticket-service may send an auto response for this mail
 * @param bounce the delivery failure report, or null when the mail is not a bounce
 * @param autoReplyReason why the mail is an auto-reply / out-of-office, or null
 * @param filters the combined effect of matching postmaster filters
 * @param followUp the ticket number and referenced message ids to try, or null when the
 *        pipeline stopped before follow-up detection
 * @param stages one entry per stage that ran, in order
 */
public record PipelineDecision(Outcome outcome, boolean autoResponseAllowed, Bounce bounce, String autoReplyReason,
        FilterOutcome filters, FollowUp followUp, List<StageDecision> stages) {

    public PipelineDecision {
        stages = List.copyOf(stages);
    }

    public enum Outcome {
        /** Create a ticket, or add the article to the ticket named by {@link PipelineDecision#followUp()}. */
        TICKET,
        /** A bounce of our own mail: mark the original outbound article failed and add a note; no new ticket. */
        BOUNCE,
        /** A postmaster filter said ignore: no article; the raw mail stays in the store marked as ignored. */
        IGNORE
    }

    /** Whether a postmaster filter marked the mail as junk. */
    public boolean junk() {
        return filters.junk();
    }

    /**
     * One stage's decision.
     *
     * @param stage the stage name: loop-protection, bounce, auto-reply, postmaster-filter, follow-up
     * @param decision what it decided, in words
     */
    public record StageDecision(String stage, String decision) {
    }
}
