package org.relaydesk.search;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.ticket.ArticleAdded;
import org.relaydesk.contracts.ticket.TicketCreated;
import org.relaydesk.testsupport.TopicPublisher;

/** Publishes ticket events as ticket-service does, for a ticket with a fresh id and number. */
final class TicketEvents {

    final long id;
    final String number;
    private final TopicPublisher kafka;
    private long articleSeq;

    TicketEvents(TopicPublisher kafka) {
        this.kafka = kafka;
        this.id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        this.number = "2026112399" + id;
        this.articleSeq = id * 10;
    }

    TicketEvents created(String title, long queueId, String queueName, String customerUserId, Instant createdAt) {
        publish(EventTypes.TICKET_CREATED, new TicketCreated(id, number, title, queueId, queueName, "new", "new", 3, "phone",
                customerUserId, "ACME", null, false, createdAt));
        return this;
    }

    long article(String senderType, boolean visible, String from, String subject, String body, Instant at) {
        long articleId = ++articleSeq;
        publish(EventTypes.ARTICLE_ADDED, new ArticleAdded(id, number, articleId, visible ? "phone" : "note", senderType,
                visible ? "phone" : "note", visible, from, "support@relaydesk.local", null, null, subject, body, null,
                null, null, null, false, null, List.of("screenshot-" + id + ".png"), "agent1", at));
        return articleId;
    }

    void publish(String type, Object payload) {
        publish(kafka, type, payload);
    }

    void publish(TopicPublisher with, String type, Object payload) {
        with.publish(Topics.TICKET_EVENTS, "ticket", Long.toString(id), type, payload);
    }
}
