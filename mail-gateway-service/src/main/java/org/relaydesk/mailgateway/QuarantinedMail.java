package org.relaydesk.mailgateway;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An inbound mail that could not be parsed or processed, with the reason; replayable. */
@Entity
@Table(name = "mail_quarantine")
public class QuarantinedMail extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "inbound_mail_id", nullable = false, unique = true)
    public UUID inboundMailId;

    /** parse, routing, ticket-service, bounce. */
    @Column(nullable = false)
    public String stage;

    @Column(nullable = false)
    public String reason;

    @Column(name = "quarantined_at", nullable = false)
    public Instant quarantinedAt;

    @Column(name = "replay_count", nullable = false)
    public int replayCount;

    @Column(name = "last_replay_at")
    public Instant lastReplayAt;

    /** Set when a replay processed the mail. */
    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "released_by")
    public String releasedBy;
}
