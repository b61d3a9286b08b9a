package org.relaydesk.ticket.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.Json;

/**
 * Consumes {@code escalation.events} and {@code mail.delivery}. Records are keyed by ticket id,
 * so one ticket's events arrive in order; each is applied once ({@link InboundEventApplier}
 * records its id in the same transaction) and the offset is committed after that. A record that
 * is not an envelope is logged and skipped; a failing apply (database down) is retried with
 * backoff on the same record, so the partition waits and nothing is skipped.
 */
@ApplicationScoped
public class InboundEventConsumer {

    private static final Logger LOG = Logger.getLogger(InboundEventConsumer.class);

    @Inject
    InboundEventApplier applier;

    @Incoming("escalation-events")
    @Blocking(ordered = true)
    public void escalation(String value) {
        consume(value, applier::escalation);
    }

    @Incoming("mail-delivery")
    @Blocking(ordered = true)
    public void delivery(String value) {
        consume(value, applier::delivery);
    }

    private static void consume(String value, Consumer<EventEnvelope> apply) {
        EventEnvelope event;
        try {
            event = Json.readEnvelope(value);
        } catch (IllegalArgumentException e) {
            LOG.errorf("skipping a record that is not an event envelope: %s", e.getMessage());
            return;
        }
        long backoffMs = 200;
        while (true) {
            try {
                apply.accept(event);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("event %s (%s) not applied yet, retrying in %d ms: %s", event.id(), event.type(), backoffMs,
                        e.getMessage());
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoffMs = Math.min(backoffMs * 2, 10_000);
            }
        }
    }
}
