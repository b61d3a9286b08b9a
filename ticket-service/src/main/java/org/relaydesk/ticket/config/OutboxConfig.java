package org.relaydesk.ticket.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay publishes ticket events. */
@ConfigMapping(prefix = "relaydesk.outbox")
public interface OutboxConfig {

    /** Most events published per round trip. */
    @WithDefault("500")
    int batchSize();

    /** How often to look for rows when no commit woke the relay. */
    @WithDefault("200ms")
    Duration pollInterval();

    /** How long to wait for Kafka to acknowledge a batch before retrying it. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** First retry delay after a failed publish. */
    @WithDefault("200ms")
    Duration retryMin();

    /** Longest retry delay while Kafka stays down. */
    @WithDefault("10s")
    Duration retryMax();
}
