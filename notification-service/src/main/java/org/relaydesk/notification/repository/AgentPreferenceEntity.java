package org.relaydesk.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The row of {@code agent_preference}; My Queues and channel settings live in their own tables. */
@Entity
@Table(name = "agent_preference")
public class AgentPreferenceEntity extends PanacheEntityBase {

    @Id
    public String agent;

    public String email;

    @Column(nullable = false)
    public String language;

    @Column(name = "out_of_office_from")
    public LocalDate outOfOfficeFrom;

    @Column(name = "out_of_office_to")
    public LocalDate outOfOfficeTo;

    public String substitute;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
