package org.relaydesk.search;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A composed statistics report: its definition as JSON, private to its owner or shared. */
@Entity
@Table(name = "stat_report")
public class StatReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String owner;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String definition;

    @Column(nullable = false)
    public boolean shared;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
