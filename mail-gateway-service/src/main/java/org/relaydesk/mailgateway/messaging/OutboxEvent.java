package org.relaydesk.mailgateway.messaging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event written in the transaction of its change, waiting for the relay. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    /** The event envelope as JSON. */
    @Column(nullable = false)
    public String envelope;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
