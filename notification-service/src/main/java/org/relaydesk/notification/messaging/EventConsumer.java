package org.relaydesk.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.Json;
import org.relaydesk.notification.service.PushEvent;
import org.relaydesk.notification.service.PushHub;

/**
 * Consumes {@code ticket.events} and {@code escalation.events} (keyed by ticket id, so one
 * ticket's events arrive in order). Each event is applied once in its own transaction; after the
 * commit its notifications and ticket hint are pushed to open streams and the mail relay is woken.
 * A failing apply (database down) is retried with backoff on the same record, so nothing is
 * skipped; the offset is committed after that.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    EventApplier applier;

    @Inject
    PushHub hub;

    @Inject
    OutboxRelay relay;

    @Incoming("ticket-events")
    @Blocking(ordered = true)
    public void ticketEvent(String value) {
        consume(value);
    }

    @Incoming("escalation-events")
    @Blocking(ordered = true)
    public void escalationEvent(String value) {
        consume(value);
    }

    private void consume(String value) {
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
                List<PushEvent> pushes = applier.apply(event);
                hub.publish(pushes);
                relay.wake();
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
