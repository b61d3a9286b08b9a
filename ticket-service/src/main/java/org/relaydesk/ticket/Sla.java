package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A service level agreement of one service; its escalation times live in the escalation-service. */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "sla")
public class Sla extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(name = "service_id", nullable = false)
    public Integer serviceId;

    public String comment;

    public boolean valid = true;
}
