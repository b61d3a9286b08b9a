package org.relaydesk.search.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code relaydesk_search_index_lag_seconds}: now minus {@code occurredAt} of the last applied
 * event (0 before the first). It grows while the consumer is behind or Elasticsearch is down;
 * on an idle topic it grows too, so alert on it together with the consumer lag.
 */
@ApplicationScoped
public class IndexLagMetric {

    @Inject
    MeterRegistry registry;

    @Inject
    TicketIndex index;

    void register(@Observes StartupEvent event) {
        Gauge.builder("relaydesk.search.index.lag", this, IndexLagMetric::lagSeconds)
                .baseUnit("seconds")
                .description("now - occurredAt of the last event applied to the search index")
                .register(registry);
    }

    double lagSeconds() {
        Instant last = index.lastOccurredAt();
        return last == null ? 0 : Math.max(0, Duration.between(last, Instant.now()).toMillis() / 1000.0);
    }
}
