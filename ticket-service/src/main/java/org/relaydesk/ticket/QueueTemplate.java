package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Assignment of a template to a queue. */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "queue_template")
public class QueueTemplate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "queue_id", nullable = false)
    public Integer queueId;

    @Column(name = "template_id", nullable = false)
    public Integer templateId;
}
