package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An agent has seen a ticket. */
@Entity
@Table(name = "ticket_seen")
public class TicketSeenFlag extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id", nullable = false)
    public Long ticketId;

    @Column(nullable = false)
    public String agent;

    @Column(name = "seen_at", nullable = false)
    public Instant seenAt;
}
