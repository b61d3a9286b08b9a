package org.relaydesk.mailgateway;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A queue's e-mail address: mail to it lands in the queue, mail for the queue is sent from it. */
@Entity
@Table(name = "system_address")
public class SystemAddress extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Stored in lower case. */
    @Column(nullable = false)
    public String address;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "queue_id", nullable = false)
    public Long queueId;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
