package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Priority 1 (very low) .. 5 (very high); the id is the level. */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "priority")
public class Priority extends PanacheEntityBase {

    @Id
    public Integer id;

    @Column(nullable = false, unique = true)
    public String name;

    public boolean valid = true;
}
