package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a ticket's history: what changed, who did it, when, old and new value. */
@Entity
@Table(name = "ticket_history")
public class HistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id", nullable = false)
    public Long ticketId;

    /** OTRS-style history type, e.g. {@code NewTicket}, {@code Move}, {@code StateUpdate}. */
    @Column(name = "history_type", nullable = false)
    public String type;

    @Column(name = "article_id")
    public Long articleId;

    @Column(nullable = false)
    public String actor;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    /** Readable sentence, e.g. "Moved from queue Raw to Support." */
    @Column(nullable = false)
    public String text;
}
