package org.relaydesk.search.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Json;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.ticket.ArticleAdded;
import org.relaydesk.contracts.ticket.TicketCreated;
import org.relaydesk.search.service.TicketIndex;
import org.relaydesk.testsupport.KeycloakTokens;
import org.relaydesk.testsupport.LocalStack;
import org.relaydesk.testsupport.ServiceProcess;

/**
 * Benchmark of issue 6: full-text search over 1,000,000 tickets with 5,000,000 articles, and the
 * index lag under a steady stream of ticket events. See {@code docs/benchmarks.md} and
 * {@code search-service/bench.sh}:
 * <pre>
 * search-service/bench.sh --tickets=1000000 --articles=5
 * </pre>
 *
 * <p>It runs its own search-service (prod mode, {@code quarkus-run.jar}) with index prefix
 * {@value #PREFIX}, its own database ({@code relaydesk_search_bench}), its own topics
 * ({@value #TOPIC}, {@value #ESCALATION_TOPIC}) and consumer groups, and its own api-gateway on a free
 * port pointed at that service; the platform's indices, topics and services are not touched.
 * <ol>
 * <li><b>load</b>: tickets and articles generated as {@code TicketCreated}/{@code ArticleAdded} payloads
 * (synthetic text: {@link BenchText}), turned into documents by the service's own
 * {@link TicketIndex#ticketDocument} and {@link TicketIndex#articleDocument}, and written with the bulk
 * API (refresh off while loading, then back to the index default); then a force merge (as a read-mostly
 * index is after a while of background merging);</li>
 * <li><b>queries</b> through the bench gateway as an agent whose groups read only some queues (the
 * service adds the permission filter): word queries and quoted phrases, closed loop, one caller, after
 * a warm-up; the UI's call ({@code GET /api/search/tickets/page}: highlights and counts) and the
 * array-shaped call ({@code GET /api/search/tickets?q=}: tickets only);</li>
 * <li><b>index lag</b>: {@code TicketCreated} + {@code ArticleAdded} events published at a fixed rate to
 * the bench topic (keyed by ticket id as ticket-service's relay does); per event, the time from
 * publishing until the ticket (or the article's text on its ticket) is found by a search on
 * Elasticsearch (a poll every 50 ms of the bench alias); plus the service's own lag gauge.</li>
 * </ol>
 */
public final class SearchBench {

    static final String PREFIX = "search-bench-";
    static final String TOPIC = "search-bench.ticket-events";
    static final String ESCALATION_TOPIC = "search-bench.escalation-events";
    static final String DB_USER = "relaydesk_search";
    static final String DB_PASSWORD = "relaydesk";
    static final String TICKETS = PREFIX + "tickets";
    static final String ARTICLES = PREFIX + "articles";
    static final String LAG_METRIC = "relaydesk_search_index_lag_seconds";

    /** The benchmark's queues: id, name, RelayDesk group (= Keycloak group that reads it), share of tickets. */
    record Queue(long id, String name, String group, int weight) {
    }

    static final List<Queue> QUEUES = List.of(
            new Queue(101, "Support", "users", 30), new Queue(102, "Billing", "users", 12),
            new Queue(103, "Sales", "users", 6), new Queue(104, "IT::Hardware", "users", 10),
            new Queue(105, "IT::Software", "users", 8), new Queue(106, "IT::Network", "users", 6),
            new Queue(107, "2nd Level", "support-engineers", 8), new Queue(108, "Development", "support-engineers", 4),
            new Queue(109, "Security", "support-engineers", 2), new Queue(110, "Triage", "triage", 8),
            new Queue(111, "Junk", "triage", 3), new Queue(112, "Escalations", "triage", 3));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private SearchBench() {
    }

    record Options(int tickets, int articles, int queries, int rate, int streamSeconds, int segments, String database,
            String agent, long seed, boolean keep, List<String> serviceProps) {
        static Options parse(String[] args) {
            Map<String, String> m = new HashMap<>();
            boolean keep = false;
            List<String> props = new ArrayList<>();
            for (String a : args) {
                if (a.equals("--keep")) {
                    keep = true;
                } else if (a.startsWith("--service-prop=")) {
                    props.add(a.substring("--service-prop=".length()));
                } else if (a.startsWith("--") && a.contains("=")) {
                    m.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
                } else {
                    throw new IllegalArgumentException("options are --name=value or --keep, got " + a);
                }
            }
            Options o = new Options(number(m.remove("tickets"), 20_000), number(m.remove("articles"), 5),
                    number(m.remove("queries"), 300), number(m.remove("rate"), 50), number(m.remove("stream"), 60),
                    number(m.remove("segments"), 1), Optional.ofNullable(m.remove("db")).orElse("relaydesk_search_bench"),
                    Optional.ofNullable(m.remove("agent")).orElse("agent3"),
                    Long.parseLong(Optional.ofNullable(m.remove("seed")).orElse("20261124")), keep, props);
            if (!m.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + m.keySet());
            }
            if (!o.database.matches("[a-z0-9_]+_bench")) {
                throw new IllegalArgumentException("the benchmark drops its database: its name must end in _bench");
            }
            return o;
        }

        private static int number(String s, int fallback) {
            return s == null ? fallback : Integer.parseInt(s.replace("_", "").replace(",", ""));
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path repo = Path.of(System.getProperty("relaydesk.repo", ".")).toAbsolutePath().normalize();
        Path logs = repo.resolve("search-service/target/search-bench");
        System.out.printf("SearchBench: %,d tickets, ~%d articles each, %d queries per kind, stream %d events/s for %d s,"
                + " agent %s; JDK %s, %d processors; Elasticsearch %s%n", o.tickets, o.articles, o.queries, o.rate,
                o.streamSeconds, o.agent, Runtime.version(), Runtime.getRuntime().availableProcessors(), esVersion());

        int partitions = topics();
        List<String> old = deleteBenchIndices();
        if (!old.isEmpty()) {
            System.out.printf("[setup] bench indices of an earlier run %s deleted%n", old);
        }
        resetDatabase(o.database);
        String group = "search-bench-" + UUID.randomUUID();
        List<String> serviceProps = new ArrayList<>(List.of(
                "quarkus.datasource.jdbc.url=" + jdbcUrl(o.database),
                "quarkus.datasource.username=" + DB_USER,
                "relaydesk.search.index-prefix=" + PREFIX,
                "relaydesk.search.permissions-refresh=0",
                "mp.messaging.incoming.ticket-events.topic=" + TOPIC,
                "mp.messaging.incoming.ticket-events.group.id=" + group,
                "mp.messaging.incoming.ticket-events.auto.offset.reset=latest",
                "mp.messaging.incoming.escalation-events.topic=" + ESCALATION_TOPIC,
                "mp.messaging.incoming.escalation-events.group.id=" + group + "-escalations",
                "mp.messaging.incoming.escalation-events.auto.offset.reset=latest"));
        QUEUES.forEach(q -> serviceProps.add("relaydesk.search.queue-groups.\"" + q.id + "\"=" + q.group));
        serviceProps.addAll(o.serviceProps); // experiments: --service-prop=key=value

        boolean ok = false;
        try (ServiceProcess service = ServiceProcess.start("search-service",
                repo.resolve("search-service/target/quarkus-app/quarkus-run.jar"), logs.resolve("search-service.log"), serviceProps)) {
            System.out.printf("[search-service] ready after %.1f s%n", service.awaitReady(Duration.ofMinutes(3)));
            awaitAssignment(group, partitions);
            try (ServiceProcess gateway = ServiceProcess.start("api-gateway",
                    repo.resolve("api-gateway/target/quarkus-app/quarkus-run.jar"), logs.resolve("api-gateway.log"), List.of(
                            "relaydesk.gateway.services.search.port=" + service.port,
                            // one caller in a closed loop may exceed the per-user default of 50/s: limits are not measured here
                            "relaydesk.gateway.user-requests-per-second=100000",
                            "relaydesk.gateway.client-requests-per-second=100000"))) {
                System.out.printf("[api-gateway] ready after %.1f s, routes /api/search/ to 127.0.0.1:%d%n",
                        gateway.awaitReady(Duration.ofMinutes(3)), service.port);

                BenchText text = new BenchText(o.seed, 50_000, 1.05);
                Generator gen = new Generator(text, o.seed, o.articles);
                Loaded loaded = load(gen, o.tickets);
                merge(o.segments);
                permissionsCheck(gateway.port, o.agent, gen);
                Map<String, Stats> queries = queries(gateway.port, o, text, loaded.phrases);
                Lag lag = lag(service, gateway.port, gen, o);

                System.out.println();
                System.out.println("SUMMARY (" + o.tickets + " tickets, " + loaded.articles + " articles, agent " + o.agent + ")");
                System.out.printf("  load: %,d docs in %.0f s (%,.0f docs/s); index size %s%n", loaded.docs, loaded.seconds,
                        loaded.docs / loaded.seconds, indexSizes());
                for (var e : queries.entrySet()) {
                    System.out.println("  " + e.getValue().line(e.getKey()));
                }
                System.out.println("  " + lag.searchable.line("index lag: publish -> searchable"));
                System.out.println("  " + lag.gauge);
                System.out.println("  targets: word queries p95 < 50 ms, phrases p95 < 200 ms, index lag p95 < 1.5 s");
                List<String> problems = service.problems();
                System.out.printf("  search-service log: %s (%d WARN/ERROR lines%s)%n", service.log, problems.size(),
                        problems.isEmpty() ? "" : "; first: " + abbreviate(problems.get(0)));
                ok = true;
            }
        } finally {
            if (o.keep) {
                System.out.printf("--keep: indices %s*, database %s, topics %s and %s are kept%n", PREFIX, o.database, TOPIC,
                        ESCALATION_TOPIC);
            } else {
                cleanUp(o.database, group);
            }
        }
        System.exit(ok ? 0 : 1);
    }

    // ------------------------------------------------------------------------------------------ setup

    static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + LocalStack.POSTGRES_HOST + ":" + LocalStack.POSTGRES_PORT + "/" + database;
    }

    static void resetDatabase(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database + " owner " + DB_USER);
        }
        System.out.printf("[setup] database %s created (owner %s; the service's Flyway migrations run at its start)%n",
                database, DB_USER);
    }

    static Admin kafkaAdmin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA_BOOTSTRAP);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        return Admin.create(p);
    }

    /** Creates the bench topics (as many partitions as ticket.events) when missing; returns that count. */
    static int topics() throws Exception {
        try (Admin admin = kafkaAdmin()) {
            int partitions = admin.describeTopics(List.of(Topics.TICKET_EVENTS)).allTopicNames().get()
                    .get(Topics.TICKET_EVENTS).partitions().size();
            Set<String> existing = admin.listTopics().names().get();
            for (String t : List.of(TOPIC, ESCALATION_TOPIC)) {
                if (!existing.contains(t)) {
                    admin.createTopics(List.of(new NewTopic(t, Optional.of(partitions), Optional.empty()))).all().get();
                }
            }
            System.out.printf("[setup] topics %s and %s (%d partitions, as %s); nobody else writes to them%n", TOPIC,
                    ESCALATION_TOPIC, partitions, Topics.TICKET_EVENTS);
            return partitions;
        }
    }

    static void awaitAssignment(String group, int partitions) throws Exception {
        long t = System.nanoTime();
        try (Admin admin = kafkaAdmin()) {
            while (System.nanoTime() - t < 120_000_000_000L) {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                int assigned = d.members().stream().mapToInt(m -> m.assignment().topicPartitions().size()).sum();
                if (assigned >= partitions) {
                    System.out.printf("[search-service] its consumer owns all %d partitions of %s%n", partitions, TOPIC);
                    return;
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the bench service's consumer got no partitions of " + TOPIC);
    }

    static void cleanUp(String database, String group) {
        try {
            List<String> deleted = deleteBenchIndices();
            System.out.printf("[cleanup] processes stopped; indices %s deleted%n", deleted);
        } catch (RuntimeException e) {
            System.out.println("[cleanup] indices not deleted: " + e.getMessage());
        }
        try (Admin admin = kafkaAdmin()) {
            admin.deleteConsumerGroups(List.of(group, group + "-escalations")).all().get(30, TimeUnit.SECONDS);
            admin.deleteTopics(List.of(TOPIC, ESCALATION_TOPIC)).all().get(30, TimeUnit.SECONDS);
            System.out.printf("[cleanup] topics %s, %s and the bench consumer groups deleted%n", TOPIC, ESCALATION_TOPIC);
        } catch (Exception e) {
            System.out.println("[cleanup] topics/groups not deleted: " + e.getMessage());
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            System.out.printf("[cleanup] database %s dropped%n", database);
        } catch (SQLException e) {
            System.out.println("[cleanup] database not dropped: " + e.getMessage());
        }
    }

    /** Deletes the physical indices behind the bench aliases, by name (no wildcards). */
    static List<String> deleteBenchIndices() {
        List<String> names = new ArrayList<>();
        for (String alias : List.of(TICKETS, ARTICLES)) {
            JsonNode r = es("GET", "/_alias/" + alias, null, true);
            if (r != null) {
                r.fieldNames().forEachRemaining(names::add);
            }
        }
        if (!names.isEmpty()) {
            es("DELETE", "/" + String.join(",", names), null, false);
        }
        return names;
    }

    // ------------------------------------------------------------------------------------------ Elasticsearch

    static JsonNode es(String method, String path, String body, boolean nullOn404) {
        return es(method, path, body, "application/json", nullOn404);
    }

    static JsonNode es(String method, String path, String body, String contentType, boolean nullOn404) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(LocalStack.ELASTICSEARCH + path))
                .timeout(Duration.ofHours(2))
                .header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404 && nullOn404) {
                return null;
            }
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + abbreviate(r.body()));
            }
            return Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String esVersion() {
        return es("GET", "/_nodes/_local/jvm?filter_path=**.version,**.heap_max_in_bytes", null, false).toString();
    }

    static String indexSizes() {
        JsonNode s = es("GET", "/" + TICKETS + "," + ARTICLES + "/_stats/docs,store,segments", null, false);
        StringBuilder b = new StringBuilder();
        s.path("indices").fields().forEachRemaining(e -> b.append(b.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                .append(String.format("%,d docs %.2f GB %d segments", e.getValue().path("primaries").path("docs").path("count").asLong(),
                        e.getValue().path("primaries").path("store").path("size_in_bytes").asLong() / 1e9,
                        e.getValue().path("primaries").path("segments").path("count").asLong())));
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------ load

    /** Tickets and articles as the events of ticket-service would carry them, deterministic for a seed. */
    static final class Generator {
        final BenchText text;
        final Random random;
        final int articlesPerTicket;
        final int[] queueOf;
        final Instant now = Instant.now();
        long nextArticleId = 1;
        /** The queue (index into QUEUES) of each loaded ticket, by ticket id. */
        byte[] loadedQueues = new byte[1];
        int loadedTickets;
        /** Per queue id: a ticket loaded into it (for the permission check). */
        final Map<Long, TicketCreated> sample = new LinkedHashMap<>();

        Generator(BenchText text, long seed, int articlesPerTicket) {
            this.text = text;
            this.random = new Random(seed);
            this.articlesPerTicket = articlesPerTicket;
            int total = QUEUES.stream().mapToInt(Queue::weight).sum();
            queueOf = new int[total];
            int i = 0;
            for (int q = 0; q < QUEUES.size(); q++) {
                for (int w = 0; w < QUEUES.get(q).weight; w++) {
                    queueOf[i++] = q;
                }
            }
        }

        String customerUser(Random r) {
            // 5,000 customer users of 300 customers, a few of them with many tickets
            int n = (int) Math.min(4999, Math.floor(Math.pow(r.nextDouble(), 2.5) * 5000));
            return BenchText.FIRST[n % BenchText.FIRST.length] + "." + BenchText.LAST[(n / 7) % BenchText.LAST.length] + n % 97
                    + "@" + company(n) + ".example";
        }

        static String company(int customerUser) {
            int c = customerUser % 300;
            return BenchText.COMPANIES[c % BenchText.COMPANIES.length] + (c < BenchText.COMPANIES.length ? "" : "-" + c / 25);
        }

        Instant createdOf(long id) {
            long span = Duration.ofDays(365).toSeconds();
            return now.minusSeconds(span - span * id / loadedTickets + 3600);
        }

        static String number(long id, Instant createdAt) {
            return DAY.format(createdAt) + "10" + String.format("%07d", id % 10_000_000) + (id % 10);
        }

        /** A loaded ticket as far as a later article needs it: id, number, queue, a customer. */
        TicketCreated loaded(long id) {
            Queue q = QUEUES.get(loadedQueues[(int) id]);
            Instant created = createdOf(id);
            String customer = customerUser(random);
            return new TicketCreated(id, number(id, created), "", q.id, q.name, "open", "open", 3, "email", customer,
                    null, null, false, created);
        }

        TicketCreated ticket(long id, Instant createdAt, boolean current) {
            Random r = random;
            int queueIndex = queueOf[r.nextInt(queueOf.length)];
            Queue q = QUEUES.get(queueIndex);
            if (current) {
                loadedQueues[(int) id] = (byte) queueIndex;
            }
            String customer = customerUser(r);
            String[] states = current ? new String[] {"closed successful", "closed successful", "closed successful",
                "closed unsuccessful", "open", "open", "new", "pending reminder"} : new String[] {"new"};
            String state = states[r.nextInt(states.length)];
            String stateType = state.startsWith("closed") ? "closed" : state.startsWith("pending") ? "pending reminder" : state;
            String owner = r.nextInt(5) == 0 ? null : "agent" + (1 + r.nextInt(40));
            String number = number(id, createdAt);
            String[] channels = {"email", "email", "email", "phone", "web", "api"};
            TicketCreated c = new TicketCreated(id, number, text.subject(r), q.id, q.name, state, stateType, 1 + r.nextInt(5),
                    channels[r.nextInt(channels.length)], customer, customer.substring(customer.indexOf('@') + 1, customer.indexOf('.',
                            customer.indexOf('@'))), owner, owner != null && r.nextInt(3) == 0, createdAt,
                    r.nextBoolean() ? "Incident" : "Service Request", null, null, null, null, "system");
            sample.putIfAbsent(q.id, c);
            return c;
        }

        /** The k-th article of a ticket: the customer's mail first, then replies, customer answers and internal notes. */
        ArticleAdded article(TicketCreated t, int k, Instant at) {
            Random r = random;
            String customer = t.customerUserId();
            String customerName = customer.substring(0, customer.indexOf('.'));
            String agentName = BenchText.FIRST[r.nextInt(BenchText.FIRST.length)] + " " + BenchText.LAST[r.nextInt(BenchText.LAST.length)];
            String support = "support@relaydesk.example";
            boolean customerTurn = k % 2 == 0;
            boolean note = !customerTurn && r.nextInt(4) == 0;
            String from = customerTurn ? BenchText.cap(customerName) + " <" + customer + ">"
                    : note ? agentName : "RelayDesk Support <" + support + ">";
            String to = customerTurn ? support : note ? "" : customer;
            String cc = customerTurn && r.nextInt(6) == 0 ? customerUser(r) : null;
            List<String> attachments = r.nextInt(10) == 0 ? List.of(text.attachment(r)) : List.of();
            String body = text.body(r, customerTurn ? "support team" : customerName, customerTurn ? customerName : agentName);
            return new ArticleAdded(t.ticketId(), t.number(), nextArticleId++, customerTurn ? "email" : note ? "note" : "reply",
                    customerTurn ? "customer" : "agent", note ? "note" : "email", !note, from, to, cc, null,
                    (k == 0 ? "" : "Re: ") + t.title(), body, null, "<" + UUID.randomUUID() + "@relaydesk.example>", null, null,
                    !customerTurn && !note, null, attachments, customerTurn ? customer : "agent" + (1 + r.nextInt(40)), at, t.queueId());
        }

        int articleCount() {
            return 1 + random.nextInt(2 * articlesPerTicket - 1);
        }
    }

    record Loaded(long docs, long articles, double seconds, List<String> phrases) {
    }

    static Loaded load(Generator gen, int tickets) throws Exception {
        System.out.printf("[load] refresh off on %s and %s while loading (restored to the index default afterwards)%n", TICKETS,
                ARTICLES);
        String off = "{\"index\":{\"refresh_interval\":\"-1\"}}";
        es("PUT", "/" + TICKETS + "," + ARTICLES + "/_settings", off, false);
        ExecutorService senders = Executors.newFixedThreadPool(2);
        Semaphore inFlight = new Semaphore(3);
        List<Future<?>> futures = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        Random phraseRandom = new Random(7);
        StringBuilder bulk = new StringBuilder(9 << 20);
        long articles = 0;
        long t0 = System.nanoTime();
        long nextReport = t0 + 30_000_000_000L;
        String ticketAction = "{\"index\":{\"_index\":\"" + TICKETS + "\",\"_id\":\"%d\"}}\n";
        String articleAction = "{\"index\":{\"_index\":\"" + ARTICLES + "\",\"_id\":\"%d\"}}\n";
        gen.loadedTickets = tickets;
        gen.loadedQueues = new byte[tickets + 1];
        for (long id = 1; id <= tickets; id++) {
            Instant created = gen.createdOf(id);
            TicketCreated t = gen.ticket(id, created, true);
            int n = gen.articleCount();
            List<ArticleAdded> list = new ArrayList<>(n);
            Instant at = created;
            for (int k = 0; k < n; k++) {
                ArticleAdded a = gen.article(t, k, at);
                list.add(a);
                bulk.append(articleAction.formatted(a.articleId())).append(Json.write(TicketIndex.articleDocument(a, at))).append('\n');
                at = at.plusSeconds(600 + gen.random.nextInt(172_800));
                if (phrases.size() < 5000 && phraseRandom.nextInt(200) == 0) {
                    phrases.add(BenchText.window(phraseRandom, a.bodyText()));
                }
            }
            articles += n;
            Map<String, Object> doc = TicketIndex.ticketDocument(t, list);
            if ("closed".equals(t.stateType())) {
                // as TicketStateChanged writes it
                doc.put("closedAt", at.toString());
                doc.put("solutionMinutes", Duration.between(created, at).toMillis() / 60000.0);
                doc.put("changedAt", at.toString());
            }
            bulk.append(ticketAction.formatted(id)).append(Json.write(doc)).append('\n');
            if (bulk.length() > (8 << 20) || id == tickets) {
                String body = bulk.toString();
                bulk.setLength(0);
                inFlight.acquire();
                futures.add(senders.submit(() -> {
                    try {
                        sendBulk(body);
                    } finally {
                        inFlight.release();
                    }
                    return null;
                }));
                futures.removeIf(Future::isDone);
            }
            if (System.nanoTime() > nextReport) {
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("[load] %.0f s: %,d tickets, %,d articles (%,.0f docs/s)%n", s, id, articles, (id + articles) / s);
                nextReport += 30_000_000_000L;
            }
        }
        for (Future<?> f : futures) {
            f.get();
        }
        senders.shutdown();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        long docs = tickets + articles;
        System.out.printf("[load] %,d tickets and %,d articles (%,d docs) bulk-loaded in %.1f s (%,.0f docs/s; generation"
                + " in this process included)%n", tickets, articles, docs, loadSeconds, docs / loadSeconds);
        long t = System.nanoTime();
        es("PUT", "/" + TICKETS + "," + ARTICLES + "/_settings", "{\"index\":{\"refresh_interval\":null}}", false);
        es("POST", "/" + TICKETS + "," + ARTICLES + "/_refresh", null, false);
        System.out.printf("[load] refresh interval back to the default, refreshed in %.1f s: %s%n", (System.nanoTime() - t) / 1e9,
                indexSizes());
        return new Loaded(docs, articles, loadSeconds, phrases);
    }

    static void sendBulk(String body) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            JsonNode r = es("POST", "/_bulk?filter_path=errors,items.*.error,items.*.status", body, "application/x-ndjson", false);
            if (!r.path("errors").asBoolean()) {
                return;
            }
            boolean retry = false;
            for (JsonNode item : r.path("items")) {
                JsonNode op = item.elements().next();
                int status = op.path("status").asInt();
                if (status == 429 || status >= 500) {
                    retry = true;
                } else if (status >= 300) {
                    throw new IllegalStateException("bulk item rejected: " + op);
                }
            }
            if (!retry || attempt > 10) {
                throw new IllegalStateException("bulk failed: " + abbreviate(r.toString()));
            }
            Thread.sleep(1000L * attempt); // indexing is idempotent by _id: the whole request again
        }
    }

    static void merge(int segments) {
        if (segments <= 0) {
            long t = System.nanoTime();
            while (es("GET", "/" + TICKETS + "," + ARTICLES + "/_stats/merge", null, false).path("_all").path("primaries")
                    .path("merges").path("current").asLong() > 0) {
                sleep(1000);
            }
            // the merged segments' sources leave the reader (and the stats) with the next refresh
            es("POST", "/" + TICKETS + "," + ARTICLES + "/_refresh", null, false);
            System.out.printf("[merge] no force merge (--segments=0); background merges finished after %.1f s more: %s%n",
                    (System.nanoTime() - t) / 1e9, indexSizes());
            return;
        }
        long t = System.nanoTime();
        es("POST", "/" + TICKETS + "," + ARTICLES + "/_forcemerge?max_num_segments=" + segments, null, false);
        es("POST", "/" + TICKETS + "," + ARTICLES + "/_refresh", null, false);
        System.out.printf("[merge] force merge to %d segment(s) per index in %.1f s (a read-mostly index after a while of"
                + " background merging; an index under heavy writes has more, smaller segments): %s%n", segments,
                (System.nanoTime() - t) / 1e9, indexSizes());
    }

    // ------------------------------------------------------------------------------------------ queries

    static HttpRequest get(int port, String pathAndQuery, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    /** The agent sees tickets of its groups' queues only; the check goes through the gateway by ticket number. */
    static void permissionsCheck(int gateway, String agent, Generator gen) throws Exception {
        String token = KeycloakTokens.user(agent);
        StringBuilder seen = new StringBuilder();
        for (TicketCreated t : gen.sample.values()) {
            HttpResponse<String> r = HTTP.send(get(gateway, "/api/search/tickets/page?number=" + t.number() + "&aggregations=false",
                    token), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("search through the gateway: " + r.statusCode() + " " + abbreviate(r.body()));
            }
            long total = Json.MAPPER.readTree(r.body()).path("total").asLong();
            seen.append(String.format(" %s(%s)=%s", t.queueName(), QUEUES.stream().filter(q -> q.id == t.queueId()).findFirst()
                    .orElseThrow().group, total > 0 ? "found" : "hidden"));
        }
        System.out.println("[permissions] " + agent + " searching a ticket of each queue by number:" + seen);
    }

    /** Latencies of one kind of query, in microseconds, with the hit counts. */
    static final class Stats {
        final List<Long> micros = new ArrayList<>();
        final List<Long> totals = new ArrayList<>();
        final Map<Integer, Integer> statuses = new java.util.TreeMap<>();

        void add(long us, long total, int status) {
            micros.add(us);
            totals.add(total);
            statuses.merge(status, 1, Integer::sum);
        }

        static double pct(List<Long> values, double p) {
            if (values.isEmpty()) {
                return Double.NaN;
            }
            long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
            return v[Math.min(v.length - 1, (int) Math.ceil(p / 100 * v.length) - 1)];
        }

        double p(double p) {
            return pct(micros, p) / 1000;
        }

        String line(String label) {
            return String.format("%-44s n=%4d  p50 %7.1f  p95 %7.1f  p99 %7.1f  max %7.1f ms  (hits: median %,.0f, max %,.0f)%s",
                    label, micros.size(), p(50), p(95), p(99), pct(micros, 100) / 1000, pct(totals, 50), pct(totals, 100),
                    statuses.keySet().equals(Set.of(200)) ? "" : " statuses " + statuses);
        }
    }

    static Map<String, Stats> queries(int gateway, Options o, BenchText text, List<String> captured) throws Exception {
        String token = KeycloakTokens.user(o.agent);
        Random r = new Random(o.seed + 1);
        List<String[]> words = text.wordQueries(r, o.queries);
        List<String[]> phrases = text.phraseQueries(r, captured, o.queries);
        List<String[]> warmup = new ArrayList<>(text.wordQueries(new Random(o.seed + 2), 100));
        warmup.addAll(text.phraseQueries(new Random(o.seed + 3), captured, 100));
        long t = System.nanoTime();
        for (String[] q : warmup) {
            run(gateway, token, q, true, null);
            run(gateway, token, q, false, null);
        }
        System.out.printf("[queries] warm-up: %d queries in %.1f s (not counted)%n", warmup.size() * 2, (System.nanoTime() - t) / 1e9);
        Map<String, Stats> result = new LinkedHashMap<>();
        for (boolean page : List.of(true, false)) {
            String call = page ? "page" : "list";
            Map<String, Stats> detail = new LinkedHashMap<>();
            for (var kind : List.of(Map.entry("word", words), Map.entry("phrase", phrases))) {
                Stats all = result.computeIfAbsent(kind.getKey() + " queries (" + call + ")", k -> new Stats());
                for (String[] q : kind.getValue()) {
                    run(gateway, token, q, page, all);
                    Stats sub = detail.computeIfAbsent("  " + call + " " + kind.getKey() + ": " + q[0], k -> new Stats());
                    sub.add(all.micros.get(all.micros.size() - 1), all.totals.get(all.totals.size() - 1), 200);
                }
            }
            System.out.println(page ? "[queries] GET /api/search/tickets/page?q=... through the bench gateway (highlights, counts"
                    + " per queue/state, exact total; as the agent UI asks)"
                    : "[queries] GET /api/search/tickets?q=... through the bench gateway (the array of tickets: no highlights, no counts)");
            result.forEach((k, v) -> {
                if (k.endsWith("(" + call + ")")) {
                    System.out.println("  " + v.line(k));
                }
            });
            detail.forEach((k, v) -> System.out.println("  " + v.line(k)));
        }
        return result;
    }

    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    static void run(int gateway, String token, String[] q, boolean page, Stats stats) throws Exception {
        String query = q[0].contains("phrase") ? "\"" + q[1] + "\"" : q[1];
        String path = (page ? "/api/search/tickets/page?q=" : "/api/search/tickets?q=") + URLEncoder.encode(query, StandardCharsets.UTF_8);
        long t = System.nanoTime();
        HttpResponse<String> r = HTTP.send(get(gateway, path, token), HttpResponse.BodyHandlers.ofString());
        long us = (System.nanoTime() - t) / 1000;
        long total = -1;
        if (page) {
            Matcher m = TOTAL.matcher(r.body());
            total = m.find() ? Long.parseLong(m.group(1)) : -1;
        } else {
            total = r.headers().firstValueAsLong("X-Total-Count").orElse(-1);
        }
        if (stats != null) {
            stats.add(us, total, r.statusCode());
        }
    }

    // ------------------------------------------------------------------------------------------ index lag

    record Lag(Stats searchable, String gauge) {
    }

    static Lag lag(ServiceProcess service, int gateway, Generator gen, Options o) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA_BOOTSTRAP);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Map<Long, Long> pendingTickets = new ConcurrentHashMap<>();
        Map<Long, Long> pendingArticles = new ConcurrentHashMap<>();
        Stats created = new Stats();
        Stats added = new Stats();
        Stats all = new Stats();
        List<Long> gauge = java.util.Collections.synchronizedList(new ArrayList<>());
        long total = (long) o.rate * o.streamSeconds;
        AtomicLong published = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long firstNew = o.tickets + 1;
        long[] nextTicket = {firstNew};
        List<TicketCreated> streamTickets = new ArrayList<>();
        Random r = new Random(o.seed + 9);
        System.out.printf("[lag] publishing %,d events at %d/s to %s for %d s: per 5 events one TicketCreated, its first"
                + " ArticleAdded, and 3 ArticleAdded to tickets loaded before (keyed by ticket id, acks=all); searchable ="
                + " found by a poll of Elasticsearch every 50 ms (terms on ticketId / articleIds of %s), measured from the"
                + " publish call%n", total, o.rate, TOPIC, o.streamSeconds, TICKETS);
        JsonNode before = es("GET", "/" + TICKETS + "," + ARTICLES + "/_stats/refresh,get,indexing,segments", null, false);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            // warm the producer's metadata and connection
            producer.partitionsFor(TOPIC);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            Thread poller = new Thread(() -> poll(pendingTickets, pendingArticles, created, added, all, failure), "lag-poller");
            poller.setDaemon(true);
            poller.start();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
                Double v = service.metric(LAG_METRIC);
                if (v != null) {
                    gauge.add(Math.round(v * 1_000_000));
                }
            }, 1, 1, TimeUnit.SECONDS);
            long start = System.nanoTime();
            long interval = 1_000_000_000L / o.rate;
            ticker.scheduleAtFixedRate(() -> {
                try {
                    long due = Math.min(total, (System.nanoTime() - start) / interval + 1);
                    while (published.get() < due) {
                        long i = published.getAndIncrement();
                        EventEnvelope e;
                        long key;
                        synchronized (gen) {
                            if (i % 5 == 0) {
                                TicketCreated t = gen.ticket(nextTicket[0]++, Instant.now(), false);
                                streamTickets.add(t);
                                e = envelope(EventTypes.TICKET_CREATED, t.ticketId(), t);
                                key = t.ticketId();
                                pendingTickets.put(key, System.nanoTime());
                            } else {
                                boolean first = i % 5 == 1;
                                TicketCreated t = first ? streamTickets.get(streamTickets.size() - 1)
                                        : gen.loaded(1 + r.nextInt(o.tickets));
                                long ticketId = t.ticketId();
                                ArticleAdded a = gen.article(t, first ? 0 : 1 + r.nextInt(6), Instant.now());
                                e = envelope(EventTypes.ARTICLE_ADDED, ticketId, a);
                                key = a.articleId();
                                pendingArticles.put(key, System.nanoTime());
                            }
                        }
                        producer.send(new ProducerRecord<>(TOPIC, e.aggregateId(), Json.write(e)), (m, ex) -> {
                            if (ex != null) {
                                failure.compareAndSet(null, ex);
                            }
                        });
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }, 0, 1, TimeUnit.MILLISECONDS);
            while (published.get() < total && failure.get() == null) {
                Thread.sleep(100);
            }
            ticker.shutdown();
            ticker.awaitTermination(5, TimeUnit.SECONDS);
            producer.flush();
            double publishSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("[lag] %,d events published in %.1f s (%.1f events/s)%n", published.get(), publishSeconds,
                    published.get() / publishSeconds);
            long deadline = System.nanoTime() + 180_000_000_000L;
            while ((!pendingTickets.isEmpty() || !pendingArticles.isEmpty()) && System.nanoTime() < deadline
                    && failure.get() == null) {
                Thread.sleep(100);
            }
            sampler.shutdown();
            if (failure.get() != null) {
                throw new IllegalStateException("lag phase failed", failure.get());
            }
            System.out.printf("[lag] all searchable %.1f s after the first publish; not searchable after 180 s: %d tickets,"
                    + " %d articles%n", (System.nanoTime() - start) / 1e9, pendingTickets.size(), pendingArticles.size());
        }
        JsonNode after = es("GET", "/" + TICKETS + "," + ARTICLES + "/_stats/refresh,get,indexing,segments", null, false);
        for (String index : List.of(TICKETS, ARTICLES)) {
            JsonNode b = primaries(before, index);
            JsonNode a = primaries(after, index);
            System.out.printf("  Elasticsearch %s during the stream: %,d index/update ops, %,d real-time gets, %,d refreshes"
                    + " (%,d external), segments %d -> %d%n", index,
                    a.path("indexing").path("index_total").asLong() - b.path("indexing").path("index_total").asLong(),
                    a.path("get").path("total").asLong() - b.path("get").path("total").asLong(),
                    a.path("refresh").path("total").asLong() - b.path("refresh").path("total").asLong(),
                    a.path("refresh").path("external_total").asLong() - b.path("refresh").path("external_total").asLong(),
                    b.path("segments").path("count").asLong(), a.path("segments").path("count").asLong());
        }
        System.out.println("  " + created.line("TicketCreated -> ticket found"));
        System.out.println("  " + added.line("ArticleAdded -> article text on its ticket"));
        System.out.println("  " + all.line("all events"));
        String gaugeLine = String.format("service gauge %s sampled every 1 s: n=%d  p50 %.2f  p95 %.2f  max %.2f s", LAG_METRIC,
                gauge.size(), Stats.pct(gauge, 50) / 1e6, Stats.pct(gauge, 95) / 1e6, Stats.pct(gauge, 100) / 1e6);
        System.out.println("  " + gaugeLine);
        // the last stream ticket through the gateway, as the agent (found if its queue is one the agent reads)
        TicketCreated last = streamTickets.get(streamTickets.size() - 1);
        HttpResponse<String> resp = HTTP.send(get(gateway, "/api/search/tickets/page?number=" + last.number() + "&aggregations=false",
                KeycloakTokens.user(o.agent)), HttpResponse.BodyHandlers.ofString());
        System.out.printf("[lag] last streamed ticket %s (queue %s) through the gateway as %s: %s%n", last.number(),
                last.queueName(), o.agent, Json.MAPPER.readTree(resp.body()).path("total").asLong() > 0 ? "found" : "not visible");
        return new Lag(all, gaugeLine);
    }

    /** The primaries' stats of the index behind an alias. */
    static JsonNode primaries(JsonNode stats, String alias) {
        var it = stats.path("indices").fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getKey().startsWith(alias + "-")) {
                return e.getValue().path("primaries");
            }
        }
        return Json.MAPPER.createObjectNode();
    }

    static EventEnvelope envelope(String type, long ticketId, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), type, "ticket", Long.toString(ticketId), Instant.now(), 1, "search-bench",
                null, Json.MAPPER.valueToTree(payload));
    }

    static void poll(Map<Long, Long> tickets, Map<Long, Long> articles, Stats created, Stats added, Stats all,
            AtomicReference<Throwable> failure) {
        while (failure.get() == null) {
            try {
                Thread.sleep(50);
                if (tickets.isEmpty() && articles.isEmpty()) {
                    continue;
                }
                List<Long> t = tickets.keySet().stream().limit(2000).toList();
                List<Long> a = articles.keySet().stream().limit(2000).toList();
                long sent = System.nanoTime();
                Map<String, Object> body = Map.of("size", 5000, "_source", List.of("ticketId", "articleIds"), "query",
                        Map.of("bool", Map.of("should", List.of(Map.of("terms", Map.of("ticketId", t)),
                                Map.of("terms", Map.of("articleIds", a))))));
                JsonNode r = es("POST", "/" + TICKETS + "/_search", Json.write(body), false);
                Set<Long> wanted = new java.util.HashSet<>(a);
                for (JsonNode hit : r.path("hits").path("hits")) {
                    long id = hit.path("_source").path("ticketId").asLong();
                    Long at = tickets.remove(id);
                    if (at != null) {
                        long us = (sent - at) / 1000;
                        created.add(us, 1, 200);
                        all.add(us, 1, 200);
                    }
                    for (JsonNode articleId : hit.path("_source").path("articleIds")) {
                        if (wanted.contains(articleId.asLong())) {
                            Long when = articles.remove(articleId.asLong());
                            if (when != null) {
                                long us = Math.max(0, (sent - when) / 1000);
                                added.add(us, 1, 200);
                                all.add(us, 1, 200);
                            }
                        }
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
