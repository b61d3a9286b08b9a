package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who asks for help; belongs to a customer by its customer id. */
@Entity
@Table(name = "customer_user")
public class CustomerUser extends PanacheEntityBase {

    @Id
    public String login;

    @Column(nullable = false)
    public String email;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "customer_id")
    public String customerId;

    public String phone;

    public String comment;

    public boolean valid = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
