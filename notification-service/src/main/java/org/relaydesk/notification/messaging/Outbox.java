package org.relaydesk.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.Json;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.mail.OutboundMailRequest;

/**
 * Writes {@code mail.outbound} requests into the outbox within the caller's transaction; the
 * {@link OutboxRelay} publishes them after commit (and not before {@code releaseAt}).
 */
@ApplicationScoped
public class Outbox {

    /** Event type of a send request on {@code mail.outbound} (the mail-gateway's contract). */
    public static final String OUTBOUND_MAIL_REQUESTED = "OutboundMailRequested";
    static final String SOURCE = "notification-service";

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope mail(OutboundMailRequest request, Instant now, Instant releaseAt) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), OUTBOUND_MAIL_REQUESTED, "mail",
                request.requestId(), now, 1, SOURCE, null, Json.MAPPER.valueToTree(request));
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.id();
        row.topic = Topics.MAIL_OUTBOUND;
        row.aggregateId = request.requestId();
        row.eventType = envelope.type();
        row.envelope = Json.write(envelope);
        row.createdAt = now;
        row.releaseAt = releaseAt;
        row.persist();
        return envelope;
    }
}
