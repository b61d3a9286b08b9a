package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A queue: tickets live in one; its group decides who may do what with them. */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "queue")
public class Queue extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(name = "group_id", nullable = false)
    public Integer groupId;

    @Column(name = "system_address_id")
    public Integer systemAddressId;

    @Column(name = "salutation_id")
    public Integer salutationId;

    @Column(name = "signature_id")
    public Integer signatureId;

    @Column(name = "follow_up_policy", nullable = false)
    public FollowUpPolicy followUpPolicy = FollowUpPolicy.REOPEN;

    @Column(name = "unlock_timeout_minutes", nullable = false)
    public int unlockTimeoutMinutes;

    @Column(name = "calendar_name")
    public String calendarName;

    public String comment;

    public boolean valid = true;
}
