package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A link between two tickets; for parent/child the source is the parent. */
@Entity
@Table(name = "ticket_link")
public class TicketLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "source_ticket_id", nullable = false)
    public Long sourceTicketId;

    @Column(name = "target_ticket_id", nullable = false)
    public Long targetTicketId;

    @Column(name = "link_type", nullable = false)
    public LinkType type;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
