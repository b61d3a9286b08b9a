package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A configurable state name mapped onto a fixed {@link StateType}. */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "ticket_state")
public class TicketState extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(name = "state_type", nullable = false)
    public StateType type;

    public String comment;

    public boolean valid = true;
}
