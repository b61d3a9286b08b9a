package org.relaydesk.escalation.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Utils;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Topics;
import org.relaydesk.escalation.clock.ArticleChannel;
import org.relaydesk.escalation.clock.EscalationSettings;
import org.relaydesk.escalation.clock.SenderType;
import org.relaydesk.escalation.clock.StateType;
import org.relaydesk.escalation.clock.TicketTimeline;
import org.relaydesk.escalation.messaging.OutboxRelay;
import org.relaydesk.escalation.service.TimelineCodec;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.LocalStack;
import org.relaydesk.testsupport.ServiceProcess;

/**
 * Benchmark (issue 7) of escalation-service as it runs in production, against PostgreSQL: the time to
 * recompute all open tickets after a calendar change, and how late timers fire when many are due.
 *
 * <p>It fills a database of its own ({@code relaydesk_escalation_bench}, dropped and created at the
 * start; the name must end in {@code _bench}) with the service's schema (its Flyway migrations) and
 * the tickets' stored state as the {@code ticket.events} consumer leaves it ({@code ticket_escalation}
 * rows with {@link TimelineCodec} timelines of {@link BenchTickets}' population), loaded with COPY.
 * Then it starts the real service ({@code escalation-service/target/quarkus-app/quarkus-run.jar}, prod
 * mode, the JVM options of {@code ./relaydesk}) as a child process pointed at that database, configures
 * calendars and escalation settings through the service's admin API, and measures:
 * <ol>
 * <li><b>first evaluation</b>: a {@code PUT /api/calendars/office} without changes (a new version) makes
 * {@code RecomputeService} evaluate every loaded ticket: stored clocks, notices, timers and edge events
 * are written for the first time (also the JIT warm-up);</li>
 * <li><b>recompute after a calendar change</b> (the figure): {@code PUT /api/calendars/office} with new
 * working hours and a holiday. The service recomputes all open tickets of that calendar in background
 * batches of 500 (keyset, {@code for update skip locked}; per ticket: load the row, decode the timeline,
 * compute, publish edges to the outbox, update the row, replace its timers). Time = what the service logs
 * for the job ({@code recomputed N open tickets ... in M ms}) and, as a check, request-to-log-line;</li>
 * <li><b>timer lateness</b>: N more tickets whose first-response warning (half of them) or due time
 * (the other half) falls evenly into a window a little later; the service evaluates them once (a
 * settings {@code PUT} of their queue, i.e. the same engine that the consumer runs), which stores their
 * timers; then its {@code TimerScheduler} fires them among the timers of all the other tickets (after
 * a smaller unmeasured burst 10 s before, so that the timer path is JIT-compiled as in a running
 * service). For
 * each event: written = envelope {@code occurredAt} - due instant from the payload ({@code warnAt} or
 * {@code dueAt}); committed = first seen in {@code outbox_event} by a 25 ms poller (i.e. visible to the
 * relay) - due instant.</li>
 * <li><b>ticket event intake</b>: {@code --events} ticket events (TicketCreated, the customer's first
 * article, an agent reply, for new tickets of the benchmark's queues) published to the benchmark's topic
 * as fast as a producer sends them; time until the service has recorded all of them in
 * {@code processed_event}, i.e. how fast its consumer works off a backlog.</li>
 * </ol>
 *
 * <p>Not included: publishing to Kafka. The outbox relay of the benchmark's service is held off (the
 * benchmark holds the relay's advisory lock in the bench database, and the service's producer points at
 * a closed port), so the events stay in {@code outbox_event}, which the benchmark empties between
 * phases. Nothing is published to the shared {@code escalation.events}. The service's
 * {@code ticket.events} consumer reads a topic of the benchmark's instead ({@value #BENCH_TOPIC}, as
 * many partitions as {@code ticket.events}, created when missing, nobody writes to it), with a group
 * of its own: it owns all partitions and so fires all timers, as a single instance does in production,
 * but applies no live events of a running platform to the bench database.
 *
 * <p>Needs PostgreSQL, Kafka and Keycloak of the local stack ({@code ./relaydesk stack up}), the service
 * jar built, and runs from the repository root; see {@code escalation-service/bench.sh}:
 * <pre>
 * escalation-service/bench.sh --tickets=1000000 --timers=20000 --window=10
 * </pre>
 * Options: {@code --tickets} (1,000,000), {@code --timers} (20,000; 0 skips the lateness phase),
 * {@code --events} (30,000; 0 skips the ticket event intake phase),
 * {@code --window} seconds (10), {@code --db} (relaydesk_escalation_bench), {@code --seed} (20251120).
 * The service's JVM options come from {@code SERVICE_JAVA_OPTS} as in {@code ./relaydesk}.
 */
public final class EscalationDbBench {

    static final String DB_USER = "relaydesk_escalation";
    static final String DB_PASSWORD = "relaydesk";
    static final String CALENDAR = "office";
    static final String TIMER_CALENDAR = "bench-24x7";
    static final String TIMER_QUEUE = "900";
    static final long TIMER_TICKET_BASE = 1_000_000_000L;
    static final long WARMUP_TICKET_BASE = 1_500_000_000L;
    static final String BENCH_TOPIC = "escalation-bench.ticket-events";
    static final ZoneId OFFICE_ZONE = ZoneId.of("Europe/Amsterdam");

    private EscalationDbBench() {
    }

    record Options(int tickets, int timers, int windowSeconds, int events, String database, long seed) {
        static Options parse(String[] args) {
            Map<String, String> m = new HashMap<>();
            for (String a : args) {
                if (!a.startsWith("--") || !a.contains("=")) {
                    throw new IllegalArgumentException("options are --name=value, got " + a);
                }
                m.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
            Options o = new Options(number(m.getOrDefault("tickets", "1000000")),
                    number(m.getOrDefault("timers", "20000")),
                    number(m.getOrDefault("window", "10")),
                    number(m.getOrDefault("events", "30000")),
                    m.getOrDefault("db", "relaydesk_escalation_bench"),
                    Long.parseLong(m.getOrDefault("seed", "20251120")));
            m.keySet().removeAll(List.of("tickets", "timers", "window", "events", "db", "seed"));
            if (!m.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + m.keySet());
            }
            if (!o.database.matches("[a-z0-9_]+_bench")) {
                throw new IllegalArgumentException("the benchmark drops its database: its name must end in _bench, got "
                        + o.database);
            }
            if (o.tickets < 1 || o.timers < 0 || o.windowSeconds < 1 || o.events < 0) {
                throw new IllegalArgumentException("need tickets >= 1, timers >= 0, window >= 1, events >= 0");
            }
            return o;
        }

        /** 1000000, 1_000_000 or 1,000,000. */
        private static int number(String s) {
            return Integer.parseInt(s.replace("_", "").replace(",", ""));
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path repo = Path.of(System.getProperty("relaydesk.repo", ".")).toAbsolutePath().normalize();
        Path jar = repo.resolve("escalation-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no service jar at " + jar + ": build it (escalation-service/bench.sh does)");
        }
        System.out.printf("EscalationDbBench: %,d tickets, %,d timers within %d s, database %s, JDK %s, %d processors%n",
                o.tickets, o.timers, o.windowSeconds, o.database, Runtime.version(), Runtime.getRuntime().availableProcessors());
        int partitions = benchTopic();
        System.out.printf("%s has %d partitions, and so has %s, which the benchmark's service consumes (Kafka %s)%n",
                Topics.TICKET_EVENTS, partitions, BENCH_TOPIC, LocalStack.KAFKA_BOOTSTRAP);

        // 1. schema and tickets
        long t = System.nanoTime();
        resetDatabase(o.database);
        Flyway flyway = Flyway.configure().dataSource(url(o.database), DB_USER, DB_PASSWORD)
                .locations("classpath:db/migration").load();
        int migrations = flyway.migrate().migrationsExecuted;
        System.out.printf("[schema] database %s created, %d migrations of escalation-service applied in %.1f s%n",
                o.database, migrations, seconds(System.nanoTime() - t));

        try (Connection db = connect(o.database); Connection relayLock = connect(o.database)) {
            holdRelayLock(relayLock);
            Path logDir = repo.resolve("escalation-service/target/escalation-bench");
            try (ServiceProcess service = startService(jar, logDir.resolve("service.log"), o.database)) {
                awaitStarted(service, partitions);
                Admin api = new Admin(service.port);
                configure(api, service);
                System.out.printf("[setup] calendars %s, %s and the settings of %d queues and %d SLAs put through the admin API%n",
                        CALENDAR, TIMER_CALENDAR, BenchTickets.QUEUES, BenchTickets.SLAS);

                Instant now = Instant.now();
                t = System.nanoTime();
                LoadStats load = load(db, o.tickets, now, new Random(o.seed), partitions);
                double loadSeconds = seconds(System.nanoTime() - t);
                System.out.printf("[load] %,d open tickets in ticket_escalation by COPY in %.1f s (%,.0f rows/s; timelines: "
                        + "%.1f changes, %.0f bytes on average; %s); analyze %.1f s%n", o.tickets, load.copySeconds,
                        o.tickets / load.copySeconds, load.avgChanges(o.tickets), load.avgBytes(o.tickets),
                        size(db, "ticket_escalation"), loadSeconds - load.copySeconds);

                Recompute first = recompute(db, api, service, calendarJson(false, now), o.tickets,
                        "first evaluation (stored clocks empty, calendar unchanged, new version)");
                report(db, first);
                truncateOutbox(db);
                vacuum(db);
                Recompute change = recompute(db, api, service, calendarJson(true, now), o.tickets,
                        "RECOMPUTE AFTER CALENDAR CHANGE");
                report(db, change);
                truncateOutbox(db);

                Lateness lateness = null;
                if (o.timers > 0) {
                    vacuum(db);
                    lateness = lateness(db, api, service, o, partitions, change.ticketsPerSecond());
                }
                Intake intake = null;
                if (o.events > 0) {
                    truncateOutbox(db);
                    vacuum(db);
                    intake = intake(db, service, o);
                }
                System.out.println();
                System.out.println("SUMMARY");
                System.out.printf("  load: %,d tickets by COPY in %.1f s%n", o.tickets, load.copySeconds);
                System.out.printf("  first evaluation: %,d tickets in %.1f s (%,.0f tickets/s)%n", first.tickets,
                        first.serviceSeconds, first.ticketsPerSecond());
                System.out.printf("  recompute after a calendar change: %,d tickets in %.1f s (%,.0f tickets/s), target < 60 s%n",
                        change.tickets, change.serviceSeconds, change.ticketsPerSecond());
                if (lateness != null) {
                    System.out.println("  " + lateness.summary());
                }
                if (intake != null) {
                    System.out.println("  " + intake.summary());
                }
                List<String> problems = service.problems();
                System.out.printf("  service log: %s (%d WARN/ERROR lines%s)%n", service.log, problems.size(),
                        problems.isEmpty() ? "" : "; first: " + problems.get(0));
            }
        }
        System.out.printf("The database %s is kept for inspection; drop it with: dropdb -h 127.0.0.1 -U postgres %s%n",
                o.database, o.database);
    }

    // ---------------------------------------------------------------- setup

    static String url(String database) {
        return "jdbc:postgresql://" + LocalStack.POSTGRES_HOST + ":" + LocalStack.POSTGRES_PORT + "/" + database;
    }

    static Connection connect(String database) throws SQLException {
        Connection c = DriverManager.getConnection(url(database), DB_USER, DB_PASSWORD);
        c.setAutoCommit(true);
        return c;
    }

    static void resetDatabase(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database + " owner " + DB_USER);
        }
    }

    /** The partition count of ticket.events; creates the benchmark's topic with as many partitions if missing. */
    static int benchTopic() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA_BOOTSTRAP);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            int partitions = admin.describeTopics(List.of(Topics.TICKET_EVENTS)).allTopicNames().get()
                    .get(Topics.TICKET_EVENTS).partitions().size();
            if (!admin.listTopics().names().get().contains(BENCH_TOPIC)) {
                admin.createTopics(List.of(new NewTopic(BENCH_TOPIC, Optional.of(partitions), Optional.empty())))
                        .all().get();
            }
            int bench = admin.describeTopics(List.of(BENCH_TOPIC)).allTopicNames().get().get(BENCH_TOPIC)
                    .partitions().size();
            if (bench != partitions) {
                throw new IllegalStateException(BENCH_TOPIC + " has " + bench + " partitions, " + Topics.TICKET_EVENTS
                        + " " + partitions + ": delete it, the benchmark creates it again");
            }
            return partitions;
        }
    }

    /**
     * Keeps the service's outbox relay from publishing: it takes {@code pg_try_advisory_xact_lock} on its
     * key before each batch (one relay at a time), which fails while this session holds the same key.
     */
    static void holdRelayLock(Connection c) throws Exception {
        Field f = OutboxRelay.class.getDeclaredField("LOCK_KEY");
        f.setAccessible(true);
        long key = f.getLong(null);
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_lock(?)")) {
            s.setLong(1, key);
            s.execute();
        }
    }

    static void configure(Admin api, ServiceProcess service) throws Exception {
        int mark = service.mark();
        api.put("/api/calendars/" + CALENDAR, calendarJson(false, Instant.now()));
        StringBuilder week = new StringBuilder();
        for (DayOfWeek d : DayOfWeek.values()) {
            week.append(week.length() == 0 ? "" : ",").append('"').append(d).append("\":[{\"start\":\"00:00\",\"end\":\"24:00\"}]");
        }
        api.put("/api/calendars/" + TIMER_CALENDAR, "{\"name\":\"24x7 UTC (benchmark timers)\",\"timeZone\":\"UTC\",\"week\":{"
                + week + "}}");
        for (int q = 0; q < BenchTickets.QUEUES; q++) {
            api.put("/api/escalation/settings/queues/" + queueId(q), settingsJson(BenchTickets.queueSettings(q, CALENDAR)));
        }
        for (int s = 0; s < BenchTickets.SLAS; s++) {
            api.put("/api/escalation/settings/slas/" + slaId(s), settingsJson(BenchTickets.slaSettings(s, CALENDAR)));
        }
        // each PUT queued a (still empty) recompute job on the service's single recompute thread: let them finish
        service.await(Pattern.compile("recomputed 0 open tickets with sla_id = " + slaId(BenchTickets.SLAS - 1) + " in"),
                mark, Duration.ofSeconds(60), null, null);
    }

    static String queueId(int q) {
        return Integer.toString(q + 1);
    }

    static String slaId(int s) {
        return Integer.toString(s + 1);
    }

    static String settingsJson(EscalationSettings s) {
        return "{" + (s.calendarId() == null ? "" : "\"calendarId\":\"" + s.calendarId() + "\",")
                + "\"firstResponseMinutes\":" + s.firstResponseMinutes() + ",\"updateMinutes\":" + s.updateMinutes()
                + ",\"solutionMinutes\":" + s.solutionMinutes()
                + ",\"firstResponseNotifyPercent\":" + s.firstResponseNotifyPercent()
                + ",\"updateNotifyPercent\":" + s.updateNotifyPercent()
                + ",\"solutionNotifyPercent\":" + s.solutionNotifyPercent() + "}";
    }

    /**
     * The office calendar of {@link RecomputeBench}: Europe/Amsterdam, Mon-Fri 08:00-18:00, three yearly
     * holidays; changed: 09:00-12:00 and 12:30-17:00, plus a one-time holiday on a Wednesday three weeks ago.
     */
    static String calendarJson(boolean changed, Instant now) {
        String windows = changed ? "[{\"start\":\"09:00\",\"end\":\"12:00\"},{\"start\":\"12:30\",\"end\":\"17:00\"}]"
                : "[{\"start\":\"08:00\",\"end\":\"18:00\"}]";
        StringBuilder week = new StringBuilder();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.append(week.length() == 0 ? "" : ",").append('"').append(d).append("\":").append(windows);
        }
        String holidays = "{\"date\":\"01-01\"},{\"date\":\"12-25\"},{\"date\":\"12-26\"}";
        if (changed) {
            LocalDate day = LocalDate.ofInstant(now, OFFICE_ZONE).minusWeeks(3)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
            holidays += ",{\"date\":\"" + day + "\",\"name\":\"benchmark one-time holiday\"}";
        }
        return "{\"name\":\"Office (Europe/Amsterdam)\",\"timeZone\":\"" + OFFICE_ZONE + "\",\"week\":{" + week
                + "},\"holidays\":[" + holidays + "]}";
    }

    // ---------------------------------------------------------------- load

    record LoadStats(double copySeconds, long changes, long bytes) {
        double avgChanges(int n) {
            return (double) changes / n;
        }

        double avgBytes(int n) {
            return (double) bytes / n;
        }
    }

    static final String COPY = "copy ticket_escalation (ticket_id, ticket_number, queue_id, sla_id, state_name, "
            + "state_type, locked, owner_id, pending_until, created_at, kafka_partition, timeline, calendar_id, closed, "
            + "updated_at) from stdin";

    /** The open tickets as the consumer stores them (the facts only: clocks, notices and timers come from the service). */
    static LoadStats load(Connection db, int n, Instant now, Random random, int partitions) throws Exception {
        long t = System.nanoTime();
        long changes = 0;
        long bytes = 0;
        try (Rows rows = new Rows(db)) {
            for (int i = 0; i < n; i++) {
                TicketTimeline tl = BenchTickets.next(random, now, EscalationDbBench::queueId, EscalationDbBench::slaId);
                String json = TimelineCodec.encode(tl);
                changes += tl.changes().size();
                bytes += json.length();
                rows.add(i + 1L, tl, json, CALENDAR, "agent" + (i % 200), partitions, now);
            }
        }
        double copy = seconds(System.nanoTime() - t);
        try (Statement s = db.createStatement()) {
            s.execute("analyze ticket_escalation");
        }
        return new LoadStats(copy, changes, bytes);
    }

    /**
     * What autovacuum would do after a million-row update: the measured phases then start from the table state
     * of a normally configured server. Printed with the server's autovacuum setting (the CI PostgreSQL here
     * runs with autovacuum off, so dead row versions would otherwise pile up across the phases).
     */
    static void vacuum(Connection db) throws SQLException {
        long t = System.nanoTime();
        String autovacuum;
        try (Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("show autovacuum")) {
                rs.next();
                autovacuum = rs.getString(1);
            }
            s.execute("vacuum analyze ticket_escalation, timer");
        }
        System.out.printf("[vacuum] vacuum analyze ticket_escalation, timer in %.1f s (the server's autovacuum is %s)%n",
                seconds(System.nanoTime() - t), autovacuum);
    }

    /** Streams ticket_escalation rows into one COPY. */
    static final class Rows implements AutoCloseable {
        private final CopyIn copy;
        private final StringBuilder buf = new StringBuilder(1 << 21);

        Rows(Connection db) throws SQLException {
            copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        }

        void add(long id, TicketTimeline tl, String json, String calendarId, String owner, int partitions, Instant now)
                throws SQLException {
            String stateName = tl.initialStateName();
            StateType stateType = tl.initialStateType();
            Instant pendingUntil = null;
            String queue = tl.initialQueue();
            String sla = tl.initialSla();
            boolean locked = tl.initiallyLocked();
            for (TicketTimeline.Change c : tl.changes()) {
                if (c instanceof TicketTimeline.StateChanged s) {
                    stateName = s.stateName();
                    stateType = s.stateType();
                    pendingUntil = stateType.isPending() ? s.pendingUntil() : null;
                } else if (c instanceof TicketTimeline.TicketMoved m) {
                    queue = m.queue();
                } else if (c instanceof TicketTimeline.SlaChanged s) {
                    sla = s.sla();
                } else if (c instanceof TicketTimeline.LockChanged l) {
                    locked = l.locked();
                }
            }
            String key = Long.toString(id);
            int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
            String number = DateTimeFormatter.BASIC_ISO_DATE.format(tl.createdAt().atOffset(ZoneOffset.UTC)) + "10"
                    + String.format("%08d", id % 100_000_000);
            field(key).field(number).field(queue).field(sla).field(stateName).field(stateType.wireName())
                    .field(locked ? "t" : "f").field(owner).field(pendingUntil).field(tl.createdAt())
                    .field(Integer.toString(partition)).field(json).field(calendarId).field("f").last(now.toString());
            if (buf.length() > (1 << 20)) {
                flush();
            }
        }

        private Rows field(Object value) {
            append(value);
            buf.append('\t');
            return this;
        }

        private void last(Object value) {
            append(value);
            buf.append('\n');
        }

        private void append(Object value) {
            if (value == null) {
                buf.append("\\N");
                return;
            }
            String s = value.toString();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> buf.append("\\\\");
                    case '\t' -> buf.append("\\t");
                    case '\n' -> buf.append("\\n");
                    case '\r' -> buf.append("\\r");
                    default -> buf.append(ch);
                }
            }
        }

        private void flush() throws SQLException {
            byte[] b = buf.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(b, 0, b.length);
            buf.setLength(0);
        }

        @Override
        public void close() throws SQLException {
            flush();
            copy.endCopy();
        }
    }

    // ---------------------------------------------------------------- recompute

    record Recompute(String label, int tickets, double serviceSeconds, double wallSeconds, Instant started) {
        double ticketsPerSecond() {
            return tickets / serviceSeconds;
        }
    }

    static final Pattern RECOMPUTED = Pattern.compile("recomputed (\\d+) open tickets with calendar_id = "
            + Pattern.quote(CALENDAR) + " in (\\d+) ms");

    /** PUTs the calendar and waits for the service's recompute job to log its end. */
    static Recompute recompute(Connection db, Admin api, ServiceProcess service, String calendar, int expected, String label)
            throws Exception {
        System.out.println();
        System.out.printf("[%s] PUT /api/calendars/%s ...%n", label, CALENDAR);
        int mark = service.mark();
        long updatesBefore = tableStat(db, "ticket_escalation", "n_tup_upd");
        Instant started = Instant.now();
        long t = System.nanoTime();
        api.put("/api/calendars/" + CALENDAR, calendar);
        Duration timeout = Duration.ofSeconds(600 + expected / 100);
        Matcher m = service.await(RECOMPUTED, mark, timeout, Duration.ofSeconds(30), () -> {
            long done = tableStat(db, "ticket_escalation", "n_tup_upd") - updatesBefore;
            double s = seconds(System.nanoTime() - t);
            System.out.printf("  ... %.0f s: about %,d tickets updated (%,.0f/s)%n", s, done, done / s);
        }).matcher();
        double wall = seconds(System.nanoTime() - t);
        int n = Integer.parseInt(m.group(1));
        double serviceSeconds = Long.parseLong(m.group(2)) / 1000.0;
        System.out.printf("[%s] %,d tickets recomputed in %.2f s as the service measured it (%,.0f tickets/s); "
                + "%.2f s from the PUT to its log line%n", label, n, serviceSeconds, n / serviceSeconds, wall);
        if (n != expected) {
            System.out.printf("  NOTE: %,d tickets were expected (rows locked at that moment are skipped)%n", expected);
        }
        return new Recompute(label, n, serviceSeconds, wall, started);
    }

    static void report(Connection db, Recompute r) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select count(*) filter (where updated_at >= ?), "
                + "count(*) filter (where not closed and calendar_id = ?), count(*) filter (where clocks is not null), "
                + "count(*) filter (where escalation_at is not null) from ticket_escalation where ticket_id < ?")) {
            s.setObject(1, java.sql.Timestamp.from(r.started));
            s.setString(2, CALENDAR);
            s.setLong(3, TIMER_TICKET_BASE);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                System.out.printf("  rows: %,d updated since the PUT, %,d open on calendar %s, %,d with clocks, %,d with an escalation time%n",
                        rs.getLong(1), rs.getLong(2), CALENDAR, rs.getLong(3), rs.getLong(4));
            }
        }
        System.out.println("  timers: " + groups(db, "select kind, count(*) from timer group by 1 order by 1"));
        System.out.println("  events written to the outbox: " + groups(db,
                "select event_type, count(*) from outbox_event group by 1 order by 1"));
    }

    static String groups(Connection db, String sql) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        StringBuilder b = new StringBuilder();
        out.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(String.format("%,d", v)));
        return b.length() == 0 ? "none" : b.toString();
    }

    static void truncateOutbox(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("truncate outbox_event");
        }
    }

    static long tableStat(Connection db, String table, String column) {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select " + column + " from pg_stat_user_tables where relname = '" + table + "'")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return -1;
        }
    }

    static String size(Connection db, String table) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select pg_size_pretty(pg_total_relation_size('" + table + "'))")) {
            rs.next();
            return "table with indexes " + rs.getString(1);
        }
    }

    // ---------------------------------------------------------------- timer lateness

    record Seen(long seq, long ticketId, String type, Instant occurredAt, Instant warnAt, Instant dueAt, Instant visibleBy) {
    }

    record Lateness(int expected, int fired, double[] written, double[] committed, double throughput, int windowSeconds) {
        String summary() {
            return String.format("timer lateness (%,d timers due within %d s): fired %,d; written p50 %.0f ms, p99 %.0f ms, "
                    + "max %.0f ms; committed p50 %.0f ms, p99 %.0f ms, max %.0f ms; %,.0f events/s", expected, windowSeconds,
                    fired, written[0], written[2], written[4], committed[0], committed[2], committed[4], throughput);
        }
    }

    static Lateness lateness(Connection db, Admin api, ServiceProcess service, Options o, int partitions,
            double recomputeRate) throws Exception {
        int n = o.timers;
        int warm = Math.min(5_000, Math.max(500, n / 4));
        System.out.println();
        // the service evaluates the new tickets once before the warm-up burst: allow twice the measured rate
        long leadMs = 25_000 + (long) (2_000.0 * (n + warm) / recomputeRate) + (n + warm) / 20;
        Instant t0 = Instant.now().plusMillis(leadMs).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant warmStart = t0.minusSeconds(10);
        long windowMs = o.windowSeconds * 1000L;
        System.out.printf("[timers] %,d tickets whose first-response warning (even) or due time (odd) falls in [%s, +%d s] "
                + "(%,.0f/s); queue %s, 60 min budget, warning at 50 %%, calendar %s%n", n, t0, o.windowSeconds,
                n * 1000.0 / windowMs, TIMER_QUEUE, TIMER_CALENDAR);
        System.out.printf("[timers] warm-up (not measured): %,d more such tickets due within the 5 s from %s%n", warm,
                warmStart);
        Instant now = Instant.now();
        try (Rows rows = new Rows(db)) {
            for (int i = 0; i < warm; i++) {
                timerTicket(rows, WARMUP_TICKET_BASE + i, i, warmStart.plusMillis(5_000L * i / warm), partitions, now);
            }
            for (int i = 0; i < n; i++) {
                timerTicket(rows, TIMER_TICKET_BASE + i, i, t0.plusMillis(windowMs * i / n), partitions, now);
            }
        }
        try (Statement s = db.createStatement()) {
            s.execute("analyze ticket_escalation");
        }
        int mark = service.mark();
        long t = System.nanoTime();
        api.put("/api/escalation/settings/queues/" + TIMER_QUEUE, "{\"calendarId\":\"" + TIMER_CALENDAR
                + "\",\"firstResponseMinutes\":60,\"firstResponseNotifyPercent\":50}");
        Matcher m = service.await(Pattern.compile("recomputed (\\d+) open tickets with queue_id = " + TIMER_QUEUE
                + " in (\\d+) ms"), mark, Duration.ofMillis(leadMs + 600_000), null, null).matcher();
        Instant prepared = Instant.now();
        System.out.printf("[timers] the service evaluated them in %.1f s (settings PUT of queue %s); %,d timers are stored, "
                + "%.1f s before the warm-up burst%n", seconds(System.nanoTime() - t), TIMER_QUEUE,
                count(db, "select count(*) from timer"), Duration.between(prepared, warmStart).toMillis() / 1000.0);
        if (!prepared.isBefore(warmStart.minusSeconds(1))) {
            throw new IllegalStateException("the tickets were evaluated too late for the window (" + m.group(0)
                    + "); run with fewer --timers");
        }
        truncateOutbox(db); // the warnings of the odd tickets (warnAt passed at creation) are not timer events

        Map<Long, Seen> seen = new ConcurrentHashMap<>();
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = new Thread(() -> poll(o.database, seen, polling), "outbox-poller");
        poller.start();
        Instant deadline = t0.plusMillis(windowMs).plusSeconds(Math.max(120, (long) (5.0 * n / recomputeRate)));
        int expectedSeen = 0;
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            expectedSeen = (int) seen.values().stream().filter(s -> expected(s, n)).count();
            if (expectedSeen >= n) {
                break;
            }
        }
        Thread.sleep(200);
        polling.set(false);
        poller.join();

        List<Seen> fired = seen.values().stream().filter(s -> expected(s, n)).toList();
        long others = seen.values().stream().filter(s -> s.ticketId < TIMER_TICKET_BASE
                && !s.occurredAt.isBefore(t0) && !s.occurredAt.isAfter(t0.plusMillis(windowMs))).count();
        double[] written = new double[fired.size()];
        double[] committed = new double[fired.size()];
        int off = 0;
        Instant last = t0;
        for (int i = 0; i < fired.size(); i++) {
            Seen s = fired.get(i);
            boolean warning = EventTypes.ESCALATION_WARNING.equals(s.type);
            Instant due = warning ? s.warnAt : s.dueAt;
            long k = s.ticketId - TIMER_TICKET_BASE;
            Instant planned = t0.plusMillis(windowMs * k / n);
            if (Math.abs(Duration.between(planned, due).toMillis()) > 1) {
                off++;
            }
            written[i] = Duration.between(due, s.occurredAt).toNanos() / 1e6;
            committed[i] = Duration.between(due, s.visibleBy).toNanos() / 1e6;
            last = s.occurredAt.isAfter(last) ? s.occurredAt : last;
        }
        double[] w = percentiles(written);
        double[] c = percentiles(committed);
        double span = Math.max(0.001, Duration.between(t0, last).toMillis() / 1000.0);
        double throughput = fired.size() / span;
        System.out.printf("[timers] fired %,d of %,d (%,d warnings, %,d escalations); the last one %.1f s after the window "
                + "opened (%,.0f events/s); %,d events of the other tickets fired in the window%n", fired.size(), n,
                fired.stream().filter(s -> EventTypes.ESCALATION_WARNING.equals(s.type)).count(),
                fired.stream().filter(s -> EventTypes.TICKET_ESCALATED.equals(s.type)).count(), span, throughput, others);
        if (fired.size() < n) {
            System.out.printf("  WARNING: %,d events had not fired by %s: the percentiles below leave them out%n",
                    n - fired.size(), deadline);
        }
        if (off > 0) {
            System.out.printf("  NOTE: %,d events had a due instant other than planned (kept: lateness is measured against the payload's)%n", off);
        }
        System.out.printf("  lateness, event written (occurredAt - due):        min %6.0f  p50 %6.0f  p90 %6.0f  p99 %6.0f  max %6.0f ms%n",
                w[5], w[0], w[1], w[2], w[4]);
        System.out.printf("  lateness, committed (first seen in the outbox - due): min %6.0f  p50 %6.0f  p90 %6.0f  p99 %6.0f  max %6.0f ms (poll 25 ms)%n",
                c[5], c[0], c[1], c[2], c[4]);
        List<String> samples = new ArrayList<>();
        for (String suffix : List.of("", "_count", "_max")) {
            service.metricSamples("relaydesk_escalation_timer_lateness_seconds" + suffix).forEach(v -> samples.add(suffix + v));
        }
        System.out.println("  service metric (TimerScheduler, at select time, recent window incl. the warm-up): "
                + (samples.isEmpty() ? "not found" : String.join("; ", samples)));
        return new Lateness(n, fired.size(), w, c, throughput, o.windowSeconds);
    }

    // ---------------------------------------------------------------- ticket event intake

    static final long INTAKE_TICKET_BASE = 2_000_000_000L;

    record Intake(int events, double publishSeconds, double applySeconds) {
        String summary() {
            return String.format("ticket event intake: %,d events (a third each TicketCreated, the customer's first "
                    + "article, an agent reply) applied in %.1f s after the first publish (%,.0f events/s; publishing "
                    + "took %.1f s)", events, applySeconds, events / applySeconds, publishSeconds);
        }
    }

    /**
     * Ticket events as ticket-service publishes them, as fast as the producer sends them, for new tickets
     * of the benchmark's queues (office calendar): how many events per second the service's consumer
     * applies from a backlog (record events, lock, recompute, timers, outbox), beside the loaded tickets.
     */
    static Intake intake(Connection db, ServiceProcess service, Options o) throws Exception {
        int tickets = Math.max(1, o.events / 3);
        int events = tickets * 3;
        System.out.println();
        System.out.printf("[intake] %,d ticket events for %,d new tickets published to %s as fast as the producer "
                + "sends them; the service applies them from the backlog%n", events, tickets, BENCH_TOPIC);
        long before = count(db, "select count(*) from processed_event");
        Properties p = new Properties();
        p.put(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA_BOOTSTRAP);
        p.put(org.apache.kafka.clients.producer.ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.StringSerializer.class.getName());
        p.put(org.apache.kafka.clients.producer.ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.StringSerializer.class.getName());
        p.put(org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG, 5);
        Random random = new Random(o.seed + 7);
        Instant now = Instant.now();
        long t = System.nanoTime();
        double publishSeconds;
        try (org.apache.kafka.clients.producer.KafkaProducer<String, String> producer =
                new org.apache.kafka.clients.producer.KafkaProducer<>(p)) {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < tickets; i++) {
                    long id = INTAKE_TICKET_BASE + i;
                    Instant created = now.minusSeconds(60 + (id % 3_600));
                    if (round == 0) {
                        int q = random.nextInt(BenchTickets.QUEUES);
                        send(producer, id, EventTypes.TICKET_CREATED, new org.relaydesk.contracts.ticket.TicketCreated(id,
                                "2026112420" + id, "intake " + id, Long.parseLong(queueId(q)), "q" + q, "new", "new", 3,
                                "email", "customer" + (i % 500), "org" + (i % 50), null, false, created));
                        send(producer, id, EventTypes.ARTICLE_ADDED, article(id, 2L * i, "customer", created));
                    } else {
                        send(producer, id, EventTypes.ARTICLE_ADDED, article(id, 2L * i + 1, "agent",
                                created.plusSeconds(30)));
                    }
                }
            }
            producer.flush();
            publishSeconds = seconds(System.nanoTime() - t);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long applied;
        while ((applied = count(db, "select count(*) from processed_event") - before) < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + applied + " of " + events + " events applied after 30 minutes");
            }
            Thread.sleep(100);
        }
        double applySeconds = seconds(System.nanoTime() - t);
        Intake r = new Intake(events, publishSeconds, applySeconds);
        System.out.println("[intake] " + r.summary());
        List<String> samples = new ArrayList<>();
        for (String suffix : List.of("_count", "_sum", "_max")) {
            service.metricSamples("relaydesk_escalation_ticket_events_batch_events" + suffix).forEach(v -> samples.add(suffix + v));
        }
        System.out.println("  service metric (events per applied batch): "
                + (samples.isEmpty() ? "not found (a service that applies one event at a time)" : String.join("; ", samples)));
        System.out.println("  timers: " + groups(db, "select kind, count(*) from timer where ticket_id >= "
                + INTAKE_TICKET_BASE + " group by 1 order by 1"));
        return r;
    }

    static org.relaydesk.contracts.ticket.ArticleAdded article(long ticket, long articleId, String sender, Instant at) {
        return new org.relaydesk.contracts.ticket.ArticleAdded(ticket, "2026112420" + ticket, INTAKE_TICKET_BASE + articleId,
                "email", sender, "email", true, "customer@example.org", "support@example.org", null, null, "Subject",
                "Body text of the article.", null, null, null, null, false, null, List.of(), sender, at);
    }

    static void send(org.apache.kafka.clients.producer.KafkaProducer<String, String> producer, long ticket, String type,
            Object payload) {
        org.relaydesk.contracts.EventEnvelope envelope = new org.relaydesk.contracts.EventEnvelope(UUID.randomUUID(), type,
                "ticket", Long.toString(ticket), Instant.now(), 1, "bench", null,
                org.relaydesk.contracts.Json.MAPPER.valueToTree(payload));
        producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(BENCH_TOPIC, envelope.aggregateId(),
                org.relaydesk.contracts.Json.write(envelope)));
    }

    /** Ticket {@code id}: warning at {@code at} (even {@code i}: created 30 min before) or due at {@code at} (odd: 60 min). */
    static void timerTicket(Rows rows, long id, int i, Instant at, int partitions, Instant now) throws SQLException {
        Instant created = at.minus(Duration.ofMinutes(i % 2 == 0 ? 30 : 60));
        TicketTimeline tl = TicketTimeline.builder(created, TIMER_QUEUE)
                .article(created, SenderType.CUSTOMER, true, ArticleChannel.EMAIL).build();
        rows.add(id, tl, TimelineCodec.encode(tl), TIMER_CALENDAR, "agent" + (i % 200), partitions, now);
    }

    static boolean expected(Seen s, int n) {
        long k = s.ticketId - TIMER_TICKET_BASE;
        if (k < 0 || k >= n) {
            return false;
        }
        return EventTypes.ESCALATION_WARNING.equals(s.type) == (k % 2 == 0)
                && (EventTypes.ESCALATION_WARNING.equals(s.type) || EventTypes.TICKET_ESCALATED.equals(s.type));
    }

    /** Records when each outbox row became visible (committed), polling every 25 ms on a connection of its own. */
    static void poll(String database, Map<Long, Seen> seen, AtomicBoolean polling) {
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(
                "select seq, aggregate_id, event_type, created_at, envelope::jsonb #>> '{payload,warnAt}', "
                        + "envelope::jsonb #>> '{payload,dueAt}' from outbox_event where seq > ? order by seq")) {
            long max = 0;
            while (polling.get()) {
                Instant before = Instant.now();
                s.setLong(1, max);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        long ticket;
                        try {
                            ticket = Long.parseLong(rs.getString(2));
                        } catch (NumberFormatException e) {
                            ticket = -1;
                        }
                        seen.put(seq, new Seen(seq, ticket, rs.getString(3), rs.getTimestamp(4).toInstant(),
                                instant(rs.getString(5)), instant(rs.getString(6)), before));
                        max = Math.max(max, seq);
                    }
                }
                long sleep = 25 - Duration.between(before, Instant.now()).toMillis();
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("outbox poller failed", e);
        }
    }

    static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    /** p50, p90, p99, p99.9, max, min. */
    static double[] percentiles(double[] values) {
        if (values.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return new double[] {at(v, 0.50), at(v, 0.90), at(v, 0.99), at(v, 0.999), v[v.length - 1], v[0]};
    }

    static double at(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    // ---------------------------------------------------------------- the service

    /** The admin API of the benchmark's service, with an admin token from the local Keycloak. */
    record Admin(int port) {
        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        void put(String path, String json) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + KeycloakTokens.user("admin"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 && r.statusCode() != 201) {
                throw new IllegalStateException("PUT " + path + " answered " + r.statusCode() + ": " + r.body());
            }
        }

        String get(String path) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    /** escalation-service as ./relaydesk runs it (prod jar and JVM options), pointed at the bench database. */
    static ServiceProcess startService(Path jar, Path log, String database) throws IOException {
        return ServiceProcess.start("service", jar, log, List.of(
                "quarkus.datasource.jdbc.url=" + url(database),
                "quarkus.datasource.username=" + DB_USER,
                // the default broker (the outbox relay's producer, the Kafka health check) gets a closed port
                "kafka.bootstrap.servers=127.0.0.1:1",
                // the consumer reads the benchmark's topic with a group of its own: it owns all partitions (and
                // fires all timers) but applies no live ticket.events to the bench database
                "mp.messaging.incoming.ticket-events.bootstrap.servers=" + LocalStack.KAFKA_BOOTSTRAP,
                "mp.messaging.incoming.ticket-events.topic=" + BENCH_TOPIC,
                "mp.messaging.incoming.ticket-events.group.id=escalation-bench-" + UUID.randomUUID(),
                "mp.messaging.incoming.ticket-events.auto.offset.reset=latest"));
    }

    /** Waits until the service has started and its consumer owns all {@code partitions} of the bench topic. */
    static void awaitStarted(ServiceProcess service, int partitions) throws InterruptedException {
        long t = System.nanoTime();
        service.await(Pattern.compile("started in"), 0, Duration.ofMinutes(3), null, null);
        double started = seconds(System.nanoTime() - t);
        Pattern owning = Pattern.compile("now owning \\[([0-9, ]*)\\]");
        int from = 0;
        while (true) {
            ServiceProcess.Match m = service.await(owning, from, Duration.ofMinutes(2), null, null);
            if (m.matcher().group(1).split(",").length >= partitions) {
                break;
            }
            from = m.line() + 1;
        }
        System.out.printf("[service] started in %.1f s, owns all %d partitions of %s after %.1f s%n", started,
                partitions, BENCH_TOPIC, seconds(System.nanoTime() - t));
    }
}
