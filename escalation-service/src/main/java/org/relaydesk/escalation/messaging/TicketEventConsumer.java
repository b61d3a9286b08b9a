package org.relaydesk.escalation.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.Json;
import org.relaydesk.escalation.service.TicketEventService;

/**
 * Consumes {@code ticket.events} (group {@code escalation-service}). Records are keyed by ticket id,
 * so one ticket's events arrive in order on one partition; each is applied once in one transaction
 * ({@link TicketEventService}, processed_event in the same transaction) and the offset is committed
 * after that. A record that is not an envelope is logged and skipped; a failing apply (database
 * down) is retried with backoff on the same record, so nothing is skipped.
 */
@ApplicationScoped
public class TicketEventConsumer {

    private static final Logger LOG = Logger.getLogger(TicketEventConsumer.class);

    @Inject
    TicketEventService service;

    @Incoming("ticket-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        EventEnvelope event;
        try {
            event = Json.readEnvelope(record.value());
        } catch (IllegalArgumentException e) {
            LOG.errorf("skipping a record that is not an event envelope (partition %d offset %d): %s",
                    record.partition(), record.offset(), e.getMessage());
            return;
        }
        long backoffMs = 200;
        while (true) {
            try {
                service.apply(event, record.partition());
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "event %s (%s) not applied yet, retrying in %d ms", event.id(), event.type(), backoffMs);
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
