package org.relaydesk.escalation.bench;

import java.time.DayOfWeek;
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
import org.relaydesk.escalation.clock.ClockCalculator;
import org.relaydesk.escalation.clock.ClockKind;
import org.relaydesk.escalation.clock.ClockState;
import org.relaydesk.escalation.clock.EscalationSettings;
import org.relaydesk.escalation.clock.SettingsSource;
import org.relaydesk.escalation.clock.TicketClocks;
import org.relaydesk.escalation.clock.TicketTimeline;

/**
 * Benchmark (issue 7): 1,000,000 open tickets; the time to recompute all their clocks after a
 * calendar change (target &lt; 60 s on 2 cores). Pure computation: timelines are held in memory,
 * persistence is not included.
 *
 * <p>The tickets and settings are {@link BenchTickets}': created at random over the 60 days before
 * "now", in 40 queues (a few with an SLA), every queue on the one calendar that changes; 1-6 articles
 * each (customer mails, agent replies, internal notes), a fifth of them pending for a while, one in
 * ten pending now. Budgets between 30 minutes and 5 business days, with warnings. The calendar
 * change: office hours 08:00-18:00 become 09:00-17:00 with a lunch break and a new one-time holiday,
 * i.e. a new calendar instance with a cold interval cache.
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
        for (int i = 0; i < n; i++) {
            out[i] = BenchTickets.next(random, now, q -> "Q" + q, sla -> "SLA" + sla);
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
            for (int q = 0; q < BenchTickets.QUEUES; q++) {
                queues.put("Q" + q, BenchTickets.queueSettings(q, "office"));
            }
            for (int s = 0; s < BenchTickets.SLAS; s++) {
                slas.put("SLA" + s, BenchTickets.slaSettings(s, "office"));
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
