package org.relaydesk.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A RelayDesk service jar started in prod mode as {@code ./relaydesk} starts it (same JVM options,
 * overridable with {@code SERVICE_JAVA_OPTS}), on a free port, with extra system properties; its
 * output goes to a log file and is kept in memory so that callers can wait for log lines. Used by
 * benchmarks and tests that need an instance of their own beside (or instead of) the platform's.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The JVM options {@code ./relaydesk} gives every service. */
    public static final String DEFAULT_JAVA_OPTS = "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A log line that matched, and its index (to continue waiting after it). */
    public record Match(int line, Matcher matcher) {
    }

    public final String name;
    public final int port;
    public final Path log;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.reader = new Thread(this::read, name + "-log");
        reader.setDaemon(true);
        reader.start();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Starts {@code jar} on a free port ({@code quarkus.http.port}); each entry of {@code properties}
     * ({@code key=value}) becomes a {@code -D} option. Stopped by {@link #close()}, or at JVM exit.
     */
    public static ServiceProcess start(String name, Path jar, Path log, List<String> properties) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no jar at " + jar + ": build it first (mvn package -pl <service> -am)");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        int port = freePort();
        String opts = System.getenv().getOrDefault("SERVICE_JAVA_OPTS", DEFAULT_JAVA_OPTS);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(opts.trim().split("\\s+")));
        cmd.add("-Dquarkus.http.port=" + port);
        properties.forEach(p -> cmd.add("-D" + p));
        cmd.add("-jar");
        cmd.add(jar.toString());
        System.out.printf("[%s] %s%n", name, String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).directory(jar.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy, "stop-" + name)); // Ctrl-C: no orphan process
        System.out.printf("[%s] pid %d, port %d, log %s%n", name, p.pid(), port, log);
        return new ServiceProcess(name, p, port, log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                w.write(line);
                w.write('\n');
                w.flush();
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Waits until {@code /q/health/ready} answers 200 (its checks: the real dependencies); returns the seconds waited. */
    public double awaitReady(Duration timeout) throws InterruptedException {
        long t = System.nanoTime();
        long deadline = t + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            failIfEnded();
            try {
                HttpResponse<String> r = get("/q/health/ready");
                if (r.statusCode() == 200) {
                    return (System.nanoTime() - t) / 1e9;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + " (last: " + last + "); see " + log);
    }

    /** The number of log lines so far: pass it to {@link #await} to wait only for later lines. */
    public int mark() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /**
     * The first log line from index {@code from} on that matches {@code p}; while waiting,
     * {@code progress} runs every {@code every} (both may be null).
     */
    public Match await(Pattern p, int from, Duration timeout, Duration every, Runnable progress) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextProgress = every == null || progress == null ? Long.MAX_VALUE : System.nanoTime() + every.toNanos();
        int i = from;
        while (true) {
            synchronized (lines) {
                for (; i < lines.size(); i++) {
                    Matcher m = p.matcher(lines.get(i));
                    if (m.find()) {
                        return new Match(i, m);
                    }
                }
            }
            failIfEnded();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no log line of " + name + " like /" + p + "/ within " + timeout + "; see " + log);
            }
            if (System.nanoTime() > nextProgress) {
                progress.run();
                nextProgress += every.toNanos();
            }
            Thread.sleep(50);
        }
    }

    /** The WARN and ERROR lines logged so far (JSON or plain log format). */
    public List<String> problems() {
        synchronized (lines) {
            return lines.stream().filter(l -> l.contains("\"level\":\"WARN") || l.contains("\"level\":\"ERROR")
                    || l.contains(" WARN ") || l.contains(" ERROR ")).toList();
        }
    }

    /**
     * The samples of a Prometheus metric from {@code /q/metrics}: every line of that name (with any
     * labels, histogram buckets left out), without the name; empty when the service does not answer.
     */
    public List<String> metricSamples(String metric) {
        try {
            HttpResponse<String> r = get("/q/metrics");
            List<String> samples = new ArrayList<>();
            for (String l : r.body().split("\n")) {
                if (l.startsWith(metric + " ") || l.startsWith(metric + "{")) {
                    samples.add(l.substring(metric.length()));
                }
            }
            return samples;
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The sum of a metric's samples over all label sets, or null when it is not (yet) there. */
    public Double metric(String metric) {
        List<String> samples = metricSamples(metric);
        if (samples.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (String s : samples) {
            sum += Double.parseDouble(s.substring(s.lastIndexOf(' ') + 1));
        }
        return sum;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void failIfEnded() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " ended (exit " + process.exitValue() + "); see " + log);
        }
    }

    /** Stops the service (SIGTERM, then SIGKILL after 30 s) and returns; the exit code is printed. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(5_000);
        if (!process.isAlive()) {
            System.out.printf("[%s] stopped (exit %d%s)%n", name, process.exitValue(),
                    process.exitValue() == 143 ? ": SIGTERM, as asked" : "");
        }
    }
}
