package org.relaydesk.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Two load models: open (a fixed request rate, latency measured from the intended send time so
 * queueing is not hidden) and closed (a fixed number of concurrent callers).
 */
final class Load {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(32, r -> {
                Thread t = new Thread(r, "bench-http");
                t.setDaemon(true); // the JVM ends when the benchmark has printed its figures
                return t;
            }))
            .build();

    /** Latencies in microseconds and the status codes seen. */
    record Result(Histogram micros, ConcurrentHashMap<Integer, AtomicLong> statuses, long requests, double seconds) {
        double throughput() {
            return requests / seconds;
        }

        String summary() {
            return String.format("requests=%d  throughput=%.0f/s  p50=%.2f ms  p90=%.2f ms  p99=%.2f ms  max=%.2f ms  statuses=%s",
                    requests, throughput(), micros.getValueAtPercentile(50) / 1000.0,
                    micros.getValueAtPercentile(90) / 1000.0, micros.getValueAtPercentile(99) / 1000.0,
                    micros.getMaxValue() / 1000.0, statuses);
        }
    }

    private Load() {
    }

    /** Sends {@code rate} requests per second for {@code seconds}, asynchronously. */
    static Result openModel(Supplier<HttpRequest> request, int rate, int seconds) throws InterruptedException {
        Histogram histogram = new ConcurrentHistogram(60_000_000L, 3);
        ConcurrentHashMap<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        long total = (long) rate * seconds;
        CountDownLatch done = new CountDownLatch((int) total);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        AtomicLong sent = new AtomicLong();
        ticker.scheduleAtFixedRate(() -> {
            long due = (System.nanoTime() - start) / intervalNanos + 1;
            while (sent.get() < Math.min(due, total)) {
                long intended = start + sent.getAndIncrement() * intervalNanos;
                HTTP.sendAsync(request.get(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                    histogram.recordValue(Math.max(0, (System.nanoTime() - intended) / 1000));
                    int status = failure != null ? -1 : response.statusCode();
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    done.countDown();
                });
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        done.await(seconds + 60L, TimeUnit.SECONDS);
        ticker.shutdownNow();
        return new Result(histogram, statuses, total - done.getCount(), (System.nanoTime() - start) / 1e9);
    }

    /** {@code concurrency} callers, each sending its next request when the last one answered. */
    static Result closedModel(Supplier<HttpRequest> request, int concurrency, int seconds) throws InterruptedException {
        Histogram histogram = new ConcurrentHistogram(60_000_000L, 3);
        ConcurrentHashMap<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong count = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        Thread[] callers = new Thread[concurrency];
        for (int i = 0; i < concurrency; i++) {
            callers[i] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = HTTP.send(request.get(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    histogram.recordValue((System.nanoTime() - t0) / 1000);
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    count.incrementAndGet();
                }
            });
            callers[i].start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        return new Result(histogram, statuses, count.get(), (System.nanoTime() - start) / 1e9);
    }
}
