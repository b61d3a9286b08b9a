package org.relaydesk.escalation.bench;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.relaydesk.escalation.calendar.BusinessCalendar;
import org.relaydesk.escalation.clock.ArticleChannel;
import org.relaydesk.escalation.clock.ClockCalculator;
import org.relaydesk.escalation.clock.ClockKind;
import org.relaydesk.escalation.clock.ClockState;
import org.relaydesk.escalation.clock.EscalationSettings;
import org.relaydesk.escalation.clock.SenderType;
import org.relaydesk.escalation.clock.SettingsSource;
import org.relaydesk.escalation.clock.StateType;
import org.relaydesk.escalation.clock.TicketClocks;
import org.relaydesk.escalation.clock.TicketTimeline;

/**
 * Benchmark (issue 7): 1,000,000 open tickets; the time to recompute all their clocks after a
 * calendar change (target &lt; 60 s on 2 cores). Pure computation: timelines are held in memory,
 * persistence is not included.
 *
 * <p>The tickets: created at random over the 60 days before "now", in 40 queues (a few with an SLA),
 * every queue on the one calendar that changes; 1-6 articles each (customer mails, agent replies,
 * internal notes), a fifth of them pending for a while, one in ten pending now. Budgets between 30
 * minutes and 5 business days, with warnings. The calendar change: office hours 08:00-18:00 become
 * 09:00-17:00 with a lunch break and a new one-time holiday, i.e. a new calendar instance with a cold
 * interval cache.
 *
 * <p>Run from the repository root (no Maven plugin needed: the code under test uses only the JDK):
 * <pre>
 * mvn -B -q -o -pl escalation-service -am test-compile
 * java -Xmx3g -cp escalation-service/target/classes:escalation-service/target/test-classes \
 *     org.relaydesk.escalation.bench.RecomputeBench [tickets] [threads]
 * </pre>
 * Defaults: 1,000,000 tickets, threads = available processors. It prints the build time, one
 * recompute with the old calendar (warm-up), the recompute with the new calendar (the figure), and a
 * single-threaded rerun for reference.
 */
public final class RecomputeBench {

    private RecomputeBench() {
    }

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Instant now = Instant.parse("2025-11-20T14:07:00Z");
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        EnumSet<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

        BusinessCalendar before = BusinessCalendar.builder("office", zone)
                .window(weekdays, "08:00", "18:00")
                .yearlyHoliday("01-01").yearlyHoliday("12-25").yearlyHoliday("12-26")
                .build();
        BusinessCalendar after = BusinessCalendar.builder("office", zone)
                .window(weekdays, "09:00", "12:00").window(weekdays, "12:30", "17:00")
                .yearlyHoliday("01-01").yearlyHoliday("12-25").yearlyHoliday("12-26")
                .oneTimeHoliday("2025-11-11")
                .build();

        System.out.printf("RecomputeBench: %,d tickets, %d threads, JDK %s, %d processors%n", tickets, threads,
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        long t0 = System.nanoTime();
        TicketTimeline[] timelines = build(tickets, now, new Random(20251120));
        System.out.printf("built timelines in %.1f s%n", seconds(System.nanoTime() - t0));

        Settings settings = new Settings(before);
        recompute("initial compute (old calendar, warm-up)", timelines, new ClockCalculator(settings), now, threads);
        settings.calendar = after; // the calendar change
        Result r = recompute("RECOMPUTE AFTER CALENDAR CHANGE", timelines, new ClockCalculator(settings), now, threads);
        System.out.printf("=> %,d tickets recomputed in %.2f s (%,.0f tickets/s)%n", tickets, r.seconds,
                tickets / r.seconds);
        settings.calendar = BusinessCalendar.builder("office", zone)
                .window(weekdays, "09:00", "12:00").window(weekdays, "12:30", "17:00")
                .yearlyHoliday("01-01").yearlyHoliday("12-25").yearlyHoliday("12-26")
                .oneTimeHoliday("2025-11-11").build(); // cold cache again
        recompute("same, single-threaded (reference)", timelines, new ClockCalculator(settings), now, 1);
    }

    private record Result(double seconds) {
    }

    private static Result recompute(String label, TicketTimeline[] timelines, ClockCalculator calc, Instant now,
            int threads) throws Exception {
        LongAdder running = new LongAdder();
        LongAdder breached = new LongAdder();
        LongAdder paused = new LongAdder();
        LongAdder checksum = new LongAdder();
        long t0 = System.nanoTime();
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, timelines.length).parallel().forEach(i -> {
                TicketClocks c = calc.compute(timelines[i], now);
                for (ClockKind k : ClockKind.values()) {
                    ClockState s = c.clock(k).state();
                    if (s == ClockState.RUNNING) {
                        running.increment();
                    } else if (s == ClockState.BREACHED) {
                        breached.increment();
                    } else if (s == ClockState.PAUSED) {
                        paused.increment();
                    }
                }
                if (c.escalationAt() != null) {
                    checksum.add(c.escalationAt().getEpochSecond() & 0xffff);
                }
            })).get();
        } finally {
            pool.shutdown();
        }
        double s = seconds(System.nanoTime() - t0);
        System.out.printf("%-42s %7.2f s  (clocks running %,d, breached %,d, paused %,d; checksum %d)%n", label, s,
                running.sum(), breached.sum(), paused.sum(), checksum.sum());
        return new Result(s);
    }

    private static TicketTimeline[] build(int n, Instant now, Random random) {
        TicketTimeline[] out = new TicketTimeline[n];
        long window = Duration.ofDays(60).toSeconds();
        for (int i = 0; i < n; i++) {
            Instant created = now.minusSeconds(1 + (long) (random.nextDouble() * window));
            String queue = "Q" + random.nextInt(40);
            TicketTimeline.Builder b = TicketTimeline.builder(created, queue);
            if (random.nextInt(5) == 0) {
                b.initialSla("SLA" + random.nextInt(3));
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
            out[i] = b.build();
        }
        return out;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** 40 queues and 3 SLAs, all on the calendar that changes. */
    private static final class Settings implements SettingsSource {
        private final Map<String, EscalationSettings> queues = new HashMap<>();
        private final Map<String, EscalationSettings> slas = new HashMap<>();
        volatile BusinessCalendar calendar;

        Settings(BusinessCalendar calendar) {
            this.calendar = calendar;
            int[] frt = {30, 60, 120, 240, 480};
            int[] upd = {0, 120, 240, 480};
            int[] sol = {480, 960, 1440, 2400};
            for (int q = 0; q < 40; q++) {
                queues.put("Q" + q, new EscalationSettings("office", frt[q % frt.length], upd[q % upd.length],
                        sol[q % sol.length], 80, q % 2 == 0 ? 75 : 0, 90));
            }
            for (int s = 0; s < 3; s++) {
                slas.put("SLA" + s, new EscalationSettings(s == 2 ? null : "office", 15 * (s + 1), 60, 480 * (s + 1),
                        50, 50, 50));
            }
        }

        @Override
        public Optional<EscalationSettings> queueSettings(String queue) {
            return Optional.ofNullable(queues.get(queue));
        }

        @Override
        public Optional<EscalationSettings> slaSettings(String sla) {
            return Optional.ofNullable(slas.get(sla));
        }

        @Override
        public BusinessCalendar calendar(String calendarId) {
            return calendar;
        }

        @Override
        public BusinessCalendar defaultCalendar() {
            return calendar;
        }
    }
}
