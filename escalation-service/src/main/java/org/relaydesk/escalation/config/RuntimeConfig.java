package org.relaydesk.escalation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the timer scheduler, the sweep, the recompute jobs and the outbox relay run. */
@ConfigMapping(prefix = "relaydesk.runtime")
public interface RuntimeConfig {

    /** How often the scheduler looks for due timers (timer lateness is at most about this). */
    @WithDefault("200ms")
    Duration timerPoll();

    /** How often the sweep re-queues tickets whose due time passed without their timer firing (H3). */
    @WithDefault("60s")
    Duration sweepInterval();

    /** Most due timers fired per scheduler round (one transaction). */
    @WithDefault("200")
    int timerBatchSize();

    /** Tickets recomputed per transaction after a settings or calendar change. */
    @WithDefault("500")
    int recomputeBatchSize();

    /** Parallel slices of a recompute job (each its own transactions and database connection). */
    @WithDefault("2")
    int recomputeWorkers();

    /** Most outbox events published per round trip. */
    @WithDefault("500")
    int outboxBatchSize();

    /** How often the relay looks for outbox rows when no commit woke it. */
    @WithDefault("200ms")
    Duration outboxPollInterval();

    /** How long to wait for Kafka to acknowledge an outbox batch. */
    @WithDefault("10s")
    Duration outboxSendTimeout();

    /** How long processed event ids are kept for deduplication. */
    @WithDefault("720h")
    Duration processedEventRetention();

    /** Longest retry delay of the relay while Kafka is down. */
    @WithDefault("10s")
    Duration outboxRetryMax();
}
