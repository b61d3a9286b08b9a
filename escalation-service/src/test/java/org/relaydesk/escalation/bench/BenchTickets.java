package org.relaydesk.escalation.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.IntFunction;
import org.relaydesk.escalation.clock.ArticleChannel;
import org.relaydesk.escalation.clock.EscalationSettings;
import org.relaydesk.escalation.clock.SenderType;
import org.relaydesk.escalation.clock.StateType;
import org.relaydesk.escalation.clock.TicketTimeline;

/**
 * The open tickets and escalation settings of the escalation benchmarks ({@link RecomputeBench} in
 * memory, {@link EscalationDbBench} through the service and PostgreSQL), so that both measure the
 * same population.
 *
 * <p>Tickets: created at random over the 60 days before "now", in {@value #QUEUES} queues, one in five
 * with one of {@value #SLAS} SLAs; a customer mail at creation, then 0-5 articles (agent replies,
 * internal notes, customer follow-ups); a fifth of them pending for a while (half of those still
 * pending or pending until later), a quarter of the rest moved to "open" a minute after creation.
 */
public final class BenchTickets {

    public static final int QUEUES = 40;
    public static final int SLAS = 3;

    private static final int[] FIRST_RESPONSE = {30, 60, 120, 240, 480};
    private static final int[] UPDATE = {0, 120, 240, 480};
    private static final int[] SOLUTION = {480, 960, 1440, 2400};

    private BenchTickets() {
    }

    /**
     * The next ticket's timeline; consumes {@code random} in a fixed order, so a seed gives the same
     * tickets. {@code queueName} and {@code slaName} map the indexes 0..39 and 0..2 to ids.
     */
    public static TicketTimeline next(Random random, Instant now, IntFunction<String> queueName,
            IntFunction<String> slaName) {
        long window = Duration.ofDays(60).toSeconds();
        Instant created = now.minusSeconds(1 + (long) (random.nextDouble() * window));
        String queue = queueName.apply(random.nextInt(QUEUES));
        TicketTimeline.Builder b = TicketTimeline.builder(created, queue);
        if (random.nextInt(5) == 0) {
            b.initialSla(slaName.apply(random.nextInt(SLAS)));
        }
        b.article(created, SenderType.CUSTOMER, true, ArticleChannel.EMAIL);
        long span = Duration.between(created, now).toSeconds();
        int articles = random.nextInt(6);
        Instant t = created;
        boolean agentLast = false;
        for (int a = 0; a < articles; a++) {
            t = t.plusSeconds(1 + (long) (random.nextDouble() * span / (articles + 1)));
            if (t.isAfter(now)) {
                break;
            }
            int kind = random.nextInt(4);
            if (kind == 0) {
                b.article(t, SenderType.AGENT, false, ArticleChannel.NOTE);
            } else if (kind == 1 || !agentLast) {
                b.article(t, SenderType.AGENT, true, ArticleChannel.EMAIL);
                agentLast = true;
            } else {
                b.article(t, SenderType.CUSTOMER, true, ArticleChannel.EMAIL);
                agentLast = false;
            }
        }
        if (random.nextInt(5) == 0) {
            Instant enter = created.plusSeconds((long) (random.nextDouble() * span));
            Instant leave = enter.plusSeconds((long) (random.nextDouble() * Duration.ofDays(5).toSeconds()));
            b.state(enter, "pending reminder", StateType.PENDING_REMINDER, leave);
            if (random.nextInt(2) == 0 && leave.isBefore(now)) {
                b.state(leave, "open", StateType.OPEN);
            }
        } else if (random.nextInt(3) == 0) {
            b.state(created.plusSeconds(60), "open", StateType.OPEN);
        }
        return b.build();
    }

    /** Settings of queue {@code q} (0..39): budgets 30 min to 5 business days, with warnings. */
    public static EscalationSettings queueSettings(int q, String calendarId) {
        return new EscalationSettings(calendarId, FIRST_RESPONSE[q % FIRST_RESPONSE.length], UPDATE[q % UPDATE.length],
                SOLUTION[q % SOLUTION.length], 80, q % 2 == 0 ? 75 : 0, 90);
    }

    /** Settings of SLA {@code s} (0..2); the last one has no calendar of its own (falls back to the queue's, A3). */
    public static EscalationSettings slaSettings(int s, String calendarId) {
        return new EscalationSettings(s == SLAS - 1 ? null : calendarId, 15 * (s + 1), 60, 480 * (s + 1), 50, 50, 50);
    }
}
