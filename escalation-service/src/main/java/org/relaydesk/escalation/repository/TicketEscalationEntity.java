package org.relaydesk.escalation.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What escalation-service knows about one ticket (V3 migration): the facts from {@code ticket.events}
 * that the clocks need, the last computed clocks, and which edge events were published.
 */
@Entity
@Table(name = "ticket_escalation")
public class TicketEscalationEntity extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public long ticketId;

    @Column(name = "ticket_number")
    public String ticketNumber;

    @Column(name = "queue_id", nullable = false)
    public String queueId;

    @Column(name = "sla_id")
    public String slaId;

    @Column(name = "state_name", nullable = false)
    public String stateName;

    /** Escalation-side state type wire name ({@code pending auto}, {@code closed}, ...). */
    @Column(name = "state_type", nullable = false)
    public String stateType;

    @Column(nullable = false)
    public boolean locked;

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "pending_until")
    public Instant pendingUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "kafka_partition", nullable = false)
    public int kafkaPartition;

    /** {@link org.relaydesk.escalation.service.TimelineCodec} JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String timeline;

    /** The last computed {@code TicketClocks} as JSON. */
    @Column(columnDefinition = "text")
    public String clocks;

    /** Per clock: the edge event last published and its anchor, JSON. */
    @Column(columnDefinition = "text")
    public String notices;

    @Column(name = "calendar_id")
    public String calendarId;

    @Column(nullable = false)
    public boolean closed;

    @Column(name = "escalation_at")
    public Instant escalationAt;

    @Column(name = "signal_due_at")
    public Instant signalDueAt;

    @Column(name = "reminder_last_at")
    public Instant reminderLastAt;

    @Column(name = "reminder_count", nullable = false)
    public int reminderCount;

    @Column(name = "auto_close_requested_for")
    public Instant autoCloseRequestedFor;

    @Column(name = "unlock_requested_for")
    public Instant unlockRequestedFor;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
