package org.relaydesk.search.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.Json;

/**
 * Keeps the search index in step with {@code ticket.events}. Records are keyed by ticket id, so
 * one ticket's events arrive in order. Each event is applied once ({@link EventApplier} records
 * its id in the same transaction); while Elasticsearch or PostgreSQL is down the event is retried
 * with backoff and the partition waits, so nothing is skipped. The offset is committed only after
 * the event was applied.
 */
@ApplicationScoped
public class TicketEventConsumer {

    private static final Logger LOG = Logger.getLogger(TicketEventConsumer.class);

    @Inject
    EventApplier applier;

    @Incoming("ticket-events")
    @Blocking(ordered = true)
    @Retry(maxRetries = -1, delay = 200, delayUnit = ChronoUnit.MILLIS, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(String value) {
        handle(value);
    }

    /** Escalations set the ticket's escalated flag (ticket-service does not publish that change). */
    @Incoming("escalation-events")
    @Blocking(ordered = true)
    @Retry(maxRetries = -1, delay = 200, delayUnit = ChronoUnit.MILLIS, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    public void consumeEscalation(String value) {
        handle(value);
    }

    private void handle(String value) {
        EventEnvelope event;
        try {
            event = Json.readEnvelope(value);
        } catch (IllegalArgumentException e) {
            LOG.errorf("skipping a record that is not an event envelope: %s", e.getMessage());
            return;
        }
        try {
            applier.apply(event);
        } catch (RuntimeException e) {
            LOG.warnf("event %s (%s) not applied yet, will retry: %s", event.id(), event.type(), e.getMessage());
            throw e;
        }
    }
}
