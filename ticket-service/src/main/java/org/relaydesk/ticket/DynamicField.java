package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An admin-defined ticket field. */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "dynamic_field")
public class DynamicField extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(nullable = false)
    public String label;

    @Column(name = "field_type", nullable = false)
    public DynamicFieldType type;

    /** JSON array of the allowed values (dropdown, multiselect). */
    @Column(nullable = false)
    public String options = "[]";

    public boolean valid = true;
}
