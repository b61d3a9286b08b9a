package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which auto response a queue sends for one response type. */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "queue_auto_response")
public class QueueAutoResponse extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "queue_id", nullable = false)
    public Integer queueId;

    @Column(name = "response_type", nullable = false)
    public AutoResponseType type;

    @Column(name = "auto_response_id", nullable = false)
    public Integer autoResponseId;
}
