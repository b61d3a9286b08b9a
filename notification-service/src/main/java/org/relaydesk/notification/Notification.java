package org.relaydesk.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An in-app notification of one agent. Its id comes from {@code push_seq} and is its SSE event id. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "push_seq", sequenceName = "push_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "push_seq")
    public Long id;

    @Column(nullable = false)
    public String agent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationKind kind;

    @Column(name = "ticket_id")
    public Long ticketId;

    @Column(name = "ticket_number")
    public String ticketNumber;

    @Column(name = "ticket_title")
    public String ticketTitle;

    @Column(nullable = false)
    public String text;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;
}
