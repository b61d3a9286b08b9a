package org.relaydesk.search.messaging;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.Json;

/**
 * Keeps the search index in step with {@code ticket.events}. Records are keyed by ticket id, so
 * one ticket's events arrive in order. They are consumed in batches (what one poll returns, at most
 * {@code max.poll.records}; the channels have {@code batch=true}), and a batch is applied in record
 * order with one PostgreSQL transaction and as few Elasticsearch requests as the events allow
 * ({@link EventApplier}, {@link org.relaydesk.search.service.TicketIndex#apply(List)}). Each event is
 * applied once ({@link EventApplier} records the ids in the same transaction); while Elasticsearch or
 * PostgreSQL is down the batch is retried with backoff and the partitions wait, so nothing is
 * skipped. The offsets are committed only after the batch was applied.
 *
 * <p>Metrics per channel: {@code relaydesk_search_index_batch_events} (events per applied batch) and
 * {@code relaydesk_search_index_batch_seconds} (time to apply a batch: transaction and Elasticsearch
 * writes, without the refresh that makes them searchable).
 */
@ApplicationScoped
public class TicketEventConsumer {

    private static final Logger LOG = Logger.getLogger(TicketEventConsumer.class);

    @Inject
    EventApplier applier;

    @Inject
    MeterRegistry registry;

    @Incoming("ticket-events")
    @Blocking(ordered = true)
    @Retry(maxRetries = -1, delay = 200, delayUnit = ChronoUnit.MILLIS, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(List<String> values) {
        handle("ticket-events", values);
    }

    /** Escalations set the ticket's escalated flag (ticket-service does not publish that change). */
    @Incoming("escalation-events")
    @Blocking(ordered = true)
    @Retry(maxRetries = -1, delay = 200, delayUnit = ChronoUnit.MILLIS, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    public void consumeEscalation(List<String> values) {
        handle("escalation-events", values);
    }

    private void handle(String channel, List<String> values) {
        List<EventEnvelope> events = new ArrayList<>(values.size());
        for (String value : values) {
            try {
                events.add(Json.readEnvelope(value));
            } catch (IllegalArgumentException e) {
                LOG.errorf("skipping a record that is not an event envelope: %s", e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try {
            applier.apply(events);
            Timer.builder("relaydesk.search.index.batch").tag("channel", channel)
                    .description("time to apply a batch of events (transaction and Elasticsearch writes)")
                    .register(registry).record(Duration.ofNanos(System.nanoTime() - start));
            DistributionSummary.builder("relaydesk.search.index.batch.events").tag("channel", channel)
                    .description("events per applied batch").register(registry).record(events.size());
        } catch (RuntimeException e) {
            EventEnvelope first = events.get(0);
            LOG.warnf("batch of %d events (first %s, %s) not applied yet, will retry: %s", events.size(), first.id(),
                    first.type(), e.getMessage());
            throw e;
        }
    }
}
