package org.relaydesk.mailgateway.messaging;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.Json;
import org.relaydesk.mailgateway.service.OutboundQueue;

/**
 * Reads {@code ticket.events}: outbound e-mail articles (agent replies, forwards, bounces, auto
 * responses) are queued for sending; ticket numbers are remembered for follow-up detection.
 * Idempotent (the event id is recorded with its effect); while PostgreSQL is down the event is
 * retried with backoff and the partition waits; the offset is committed after the effect.
 */
@ApplicationScoped
public class TicketEventConsumer {

    private static final Logger LOG = Logger.getLogger(TicketEventConsumer.class);

    @Inject
    OutboundQueue queue;

    @Incoming("ticket-events")
    @Blocking(ordered = true)
    @Retry(maxRetries = -1, delay = 200, delayUnit = ChronoUnit.MILLIS, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(String value) {
        EventEnvelope event;
        try {
            event = Json.readEnvelope(value);
        } catch (IllegalArgumentException e) {
            LOG.errorf("ticket.events: skipping a record that is not an event envelope: %s", e.getMessage());
            return;
        }
        try {
            queue.onTicketEvent(event);
        } catch (IllegalArgumentException e) {
            LOG.errorf("ticket.events: event %s (%s) has an unreadable payload, skipped: %s", event.id(), event.type(),
                    e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("ticket.events: event %s (%s) not applied yet, will retry: %s", event.id(), event.type(), e.getMessage());
            throw e;
        }
    }
}
