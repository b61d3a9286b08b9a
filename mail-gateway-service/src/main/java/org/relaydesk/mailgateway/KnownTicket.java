package org.relaydesk.mailgateway;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A ticket number seen on {@code ticket.events}: lets a {@code [Ticket#...]} subject find its ticket id. */
@Entity
@Table(name = "known_ticket")
public class KnownTicket extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public Long ticketId;

    @Column(nullable = false, unique = true)
    public String number;

    @Column(name = "queue_id")
    public Long queueId;

    @Column(name = "seen_at", nullable = false)
    public Instant seenAt;
}
