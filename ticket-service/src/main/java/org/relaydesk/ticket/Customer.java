package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer: an organisation, company or authority. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public String customerId;

    @Column(nullable = false)
    public String name;

    public String street;

    public String zip;

    public String city;

    public String country;

    public String url;

    public String comment;

    @Column(nullable = false)
    public CustomerValidity valid = CustomerValidity.VALID;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
