package org.relaydesk.search.bench;

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

/** A Quarkus service jar started in prod mode as {@code ./relaydesk} starts it, on a free port, with its log in a file. */
final class ChildProcess implements AutoCloseable {

    static final String DEFAULT_SERVICE_JAVA_OPTS = "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final Process process;
    final int port;
    final Path log;
    private final List<String> lines = new ArrayList<>();

    private ChildProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        Thread reader = new Thread(this::read, name + "-log");
        reader.setDaemon(true);
        reader.start();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static ChildProcess start(String name, Path jar, Path log, List<String> properties) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no jar at " + jar + ": build it (search-service/bench.sh does)");
        }
        Files.createDirectories(log.getParent());
        int port = freePort();
        String opts = System.getenv().getOrDefault("SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTS);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(opts.trim().split("\\s+")));
        cmd.add("-Dquarkus.http.port=" + port);
        properties.forEach(p -> cmd.add("-D" + p));
        cmd.add("-jar");
        cmd.add(jar.toString());
        System.out.printf("[%s] %s%n", name, String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).directory(jar.getParent().toFile()).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy, "stop-" + name)); // Ctrl-C: no orphan process
        System.out.printf("[%s] pid %d, port %d, log %s%n", name, p.pid(), port, log);
        return new ChildProcess(name, p, port, log);
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

    /** Waits until {@code /q/health/ready} answers 200 (its checks: the real dependencies). */
    double awaitReady(Duration timeout) throws InterruptedException {
        long t = System.nanoTime();
        long deadline = t + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended (exit " + process.exitValue() + "); see " + log);
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
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

    /** A Prometheus metric's samples from {@code /q/metrics} (name without labels), or null. */
    Double metric(String metric) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            for (String l : r.body().split("\n")) {
                if (l.startsWith(metric + " ") || l.startsWith(metric + "{")) {
                    return Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    List<String> problems() {
        synchronized (lines) {
            return lines.stream().filter(l -> l.contains("\"level\":\"WARN") || l.contains("\"level\":\"ERROR")).toList();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
