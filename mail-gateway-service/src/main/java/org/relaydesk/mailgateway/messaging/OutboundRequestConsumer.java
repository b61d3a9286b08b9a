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

/** Reads {@code mail.outbound} requests (agent notifications) and queues them, once per request event. */
@ApplicationScoped
public class OutboundRequestConsumer {

    private static final Logger LOG = Logger.getLogger(OutboundRequestConsumer.class);

    @Inject
    OutboundQueue queue;

    @Incoming("mail-outbound")
    @Blocking(ordered = true)
    @Retry(maxRetries = -1, delay = 200, delayUnit = ChronoUnit.MILLIS, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(String value) {
        EventEnvelope event;
        try {
            event = Json.readEnvelope(value);
        } catch (IllegalArgumentException e) {
            LOG.errorf("mail.outbound: skipping a record that is not an event envelope: %s", e.getMessage());
            return;
        }
        try {
            queue.onRequest(event);
        } catch (IllegalArgumentException e) {
            LOG.errorf("mail.outbound: request %s has an unreadable payload, skipped: %s", event.id(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("mail.outbound: request %s not queued yet, will retry: %s", event.id(), e.getMessage());
            throw e;
        }
    }
}
