package org.relaydesk.escalation.messaging;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.Json;
import org.relaydesk.escalation.service.TicketEventService;
import org.relaydesk.escalation.service.TicketEventService.Incoming;

/**
 * Consumes {@code ticket.events} (group {@code escalation-service}) in batches: what one poll returns
 * (at most {@code max.poll.records}; the channel has {@code batch=true}). Records are keyed by ticket
 * id, so one ticket's events arrive in order on one partition. A batch is applied in record order in
 * one transaction ({@link TicketEventService#applyAll}, processed_event in the same transaction) and
 * the offsets are committed after that. A record that is not an envelope is logged and skipped. When
 * the batch fails (database down, an event that cannot be applied) its events are applied one at a
 * time, each retried with backoff until it goes through, so nothing is skipped and one bad event holds
 * up only what follows it.
 *
 * <p>Metrics: {@code relaydesk_escalation_ticket_events_batch_events} (events per applied batch) and
 * {@code relaydesk_escalation_ticket_events_batch_seconds} (time to apply a batch).
 */
@ApplicationScoped
public class TicketEventConsumer {

    private static final Logger LOG = Logger.getLogger(TicketEventConsumer.class);

    @Inject
    TicketEventService service;
    @Inject
    MeterRegistry registry;

    private Timer batchTime;
    private DistributionSummary batchSize;

    @PostConstruct
    void meters() {
        batchTime = Timer.builder("relaydesk.escalation.ticket.events.batch")
                .description("time to apply a batch of ticket events in one transaction").register(registry);
        batchSize = DistributionSummary.builder("relaydesk.escalation.ticket.events.batch.events")
                .description("ticket events per applied batch").register(registry);
    }

    @org.eclipse.microprofile.reactive.messaging.Incoming("ticket-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, String> records) {
        List<Incoming> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                batch.add(new Incoming(Json.readEnvelope(record.value()), record.partition()));
            } catch (IllegalArgumentException e) {
                LOG.errorf("skipping a record that is not an event envelope (partition %d offset %d): %s",
                        record.partition(), record.offset(), e.getMessage());
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try {
            service.applyAll(batch);
            batchTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            batchSize.record(batch.size());
        } catch (RuntimeException e) {
            LOG.warnf(e, "batch of %d events (first %s) not applied, applying them one at a time", batch.size(),
                    batch.get(0).event().id());
            batch.forEach(this::applyWithRetry);
        }
    }

    private void applyWithRetry(Incoming in) {
        EventEnvelope event = in.event();
        long backoffMs = 200;
        while (true) {
            try {
                service.apply(event, in.partition());
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
