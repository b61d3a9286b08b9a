package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Text put before an agent's reply; may use template variables such as {@code ${customer.firstName}}. */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "salutation")
public class Salutation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(nullable = false)
    public String body;

    public String comment;

    public boolean valid = true;
}
