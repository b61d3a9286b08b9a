package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The value of one dynamic field on one ticket, as JSON. */
@Entity
@Table(name = "dynamic_field_value")
public class DynamicFieldValue extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id", nullable = false)
    public Long ticketId;

    @Column(name = "field_id", nullable = false)
    public Integer fieldId;

    @Column(nullable = false)
    public String value;
}
