package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An automatic reply to customers (new ticket, follow-up, reject). */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "auto_response")
public class AutoResponse extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(name = "response_type", nullable = false)
    public AutoResponseType type;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Column(name = "system_address_id")
    public Integer systemAddressId;

    public String comment;

    public boolean valid = true;
}
