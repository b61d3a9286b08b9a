package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The ticket aggregate root. References to queue, state, priority and the rest are plain ids:
 * the service layer loads what it needs, nothing is fetched lazily behind its back.
 *
 * <p>{@code version} grows with every change and is the ETag of the ticket; writers lock the row
 * ({@code select ... for update}) so changes of one ticket never interleave.
 */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, updatable = false)
    public String number;

    @Column(nullable = false)
    public String title;

    @Column(name = "queue_id", nullable = false)
    public Integer queueId;

    @Column(name = "state_id", nullable = false)
    public Integer stateId;

    @Column(name = "priority_id", nullable = false)
    public Integer priority;

    @Column(name = "type_id")
    public Integer typeId;

    public boolean locked;

    public String owner;

    public String responsible;

    @Column(name = "customer_user_id")
    public String customerUserId;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "service_id")
    public Integer serviceId;

    @Column(name = "sla_id")
    public Integer slaId;

    @Column(name = "pending_until")
    public Instant pendingUntil;

    public boolean escalated;

    @Column(name = "time_units", nullable = false)
    public BigDecimal timeUnits = BigDecimal.ZERO;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(nullable = false)
    public long version;

    /** The ticket this one was merged into (state type merged), with its number. */
    @Column(name = "merged_into_ticket_id")
    public Long mergedIntoTicketId;

    @Column(name = "merged_into_number")
    public String mergedIntoNumber;

    /** The ticket this one was split off from. */
    @Column(name = "split_from_ticket_id")
    public Long splitFromTicketId;

    /** Records who changed the ticket and moves its version (the ETag) on. */
    public void touch(String actor, Instant now) {
        changedAt = now;
        changedBy = actor;
        version++;
    }

    /** Whether the ticket is locked by someone other than the given agent. */
    public boolean lockedByOther(String agent) {
        return locked && owner != null && !owner.equals(agent);
    }
}
