package org.relaydesk.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What this service knows about a ticket, built from {@code ticket.events} (and filled in from
 * escalation payloads), to pick recipients: queue, owner, responsible, lock and state type.
 */
@Entity
@Table(name = "ticket_view")
public class TicketView extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public Long ticketId;

    public String number;

    public String title;

    @Column(name = "queue_id")
    public Long queueId;

    @Column(name = "queue_name")
    public String queueName;

    public String owner;

    public String responsible;

    public boolean locked;

    @Column(name = "state_type")
    public String stateType;

    /** Set by TicketCreated: its first article is part of the creation, not a follow-up. */
    @Column(name = "first_article_pending")
    public boolean firstArticlePending;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Closed, merged or removed: never notify (SPEC I4). */
    public boolean isFinished() {
        return stateType != null && (stateType.startsWith("closed") || stateType.equals("merged")
                || stateType.equals("removed"));
    }

    /** A pending state type: escalation clocks are suspended (SPEC F3). */
    public boolean isPending() {
        return stateType != null && stateType.startsWith("pending");
    }

    /** "Owned" in the sense of SPEC I1: locked, or an owner is set. */
    public boolean isOwned() {
        return locked || (owner != null && !owner.isBlank());
    }
}
