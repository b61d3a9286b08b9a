package org.relaydesk.mailgateway.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relaydesk.mailgateway.pipeline.TestMails.corpus;
import static org.relaydesk.mailgateway.pipeline.TestMails.mail;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MailPipelineTest {

    private static final List<String> ALL_STAGES = List.of("loop-protection", "bounce", "auto-reply", "postmaster-filter",
            "follow-up");

    private final MailPipeline pipeline = new MailPipeline(PipelineSettings.defaults(Set.of("support@relaydesk.example")),
            List.of(new PostmasterFilter("ignore-newsletters", List.of(FilterCondition.contains("Subject", "newsletter")),
                    List.of(new FilterAction.Ignore()), false),
                    new PostmasterFilter("vip", List.of(FilterCondition.regex("From", "@vip\\.example$")),
                            List.of(new FilterAction.SetPriority(5)), false)));

    private static List<String> stageNames(PipelineDecision decision) {
        return decision.stages().stream().map(PipelineDecision.StageDecision::stage).toList();
    }

    @Test
    void newCustomerMailRunsEveryStageInOrder() {
        PipelineDecision decision = pipeline.decide(corpus("EmailParser/PostMaster-Test1.box"), 0);
        assertEquals(PipelineDecision.Outcome.TICKET, decision.outcome());
        assertTrue(decision.autoResponseAllowed());
        assertEquals(ALL_STAGES, stageNames(decision));
        assertFalse(decision.followUp().hasTicketNumber());
        assertNull(decision.bounce());
    }

    @Test
    void followUpByTicketNumberWithFilterApplied() {
        PipelineDecision decision = pipeline.decide(mail("""
                From: Boss <boss@vip.example>
                Subject: RE: [Ticket#2013070410000731] contract
                Message-ID: <m1@vip.example>
                In-Reply-To: <art-1@relaydesk.example>
                """), 0);
        assertEquals(PipelineDecision.Outcome.TICKET, decision.outcome());
        assertEquals("2013070410000731", decision.followUp().ticketNumber());
        assertEquals(List.of("art-1@relaydesk.example"), decision.followUp().referencedMessageIds());
        assertEquals(5, decision.filters().priority());
        assertTrue(decision.stages().get(4).decision().contains("2013070410000731"));
    }

    @Test
    void bounceOfOurMailStopsAfterTheBounceStage() {
        PipelineDecision decision = pipeline.decide(corpus("PostMaster/PostMaster-Test10.box"), 0);
        assertEquals(PipelineDecision.Outcome.BOUNCE, decision.outcome());
        assertFalse(decision.autoResponseAllowed());
        assertEquals("1183717051.586927.929001308.97809.36@otrs.otrs.org", decision.bounce().originalMessageId());
        assertEquals(List.of("loop-protection", "bounce"), stageNames(decision));
        assertNull(decision.followUp());
    }

    @Test
    void bounceWithoutOriginalIdBecomesATicketWithoutAutoResponse() {
        PipelineDecision decision = pipeline.decide(corpus("PostMaster/Issue24.eml"), 0);
        assertEquals(PipelineDecision.Outcome.TICKET, decision.outcome());
        assertNotNull(decision.bounce());
        assertFalse(decision.autoResponseAllowed());
        assertEquals(ALL_STAGES, stageNames(decision));
    }

    @Test
    void autoReplyIsProcessedButNeverAnswered() {
        PipelineDecision decision = pipeline.decide(mail("""
                From: jane@example.com
                Subject: Out of Office: [Ticket#2013070410000731] printer
                Auto-Submitted: auto-replied
                """), 0);
        assertEquals(PipelineDecision.Outcome.TICKET, decision.outcome());
        assertFalse(decision.autoResponseAllowed());
        assertNotNull(decision.autoReplyReason());
        assertEquals("2013070410000731", decision.followUp().ticketNumber());
    }

    @Test
    void ignoreFilterEndsThePipeline() {
        PipelineDecision decision = pipeline.decide(mail("From: news@shop.example\nSubject: Our newsletter"), 0);
        assertEquals(PipelineDecision.Outcome.IGNORE, decision.outcome());
        assertEquals(List.of("loop-protection", "bounce", "auto-reply", "postmaster-filter"), stageNames(decision));
    }

    @Test
    void dailyCapWithholdsTheAutoResponseOnly() {
        PipelineDecision decision = pipeline.decide(mail("From: jane@example.com\nSubject: again"), 10);
        assertEquals(PipelineDecision.Outcome.TICKET, decision.outcome());
        assertFalse(decision.autoResponseAllowed());
        assertTrue(decision.stages().get(0).decision().contains("10 auto responses"), decision.stages().get(0).decision());
    }
}
