package org.relaydesk.mailgateway;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored postmaster filter; {@code service.PostmasterFilters} turns it into the pipeline's rule. */
@Entity
@Table(name = "postmaster_filter")
public class PostmasterFilterDefinition extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(nullable = false)
    public int position;

    @Column(name = "stop_after_match", nullable = false)
    public boolean stopAfterMatch;

    /** {@code [{"field":"Subject","operator":"REGEX","pattern":"...","negate":false}]} */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String conditions;

    /** {@code [{"type":"SetQueue","queue":"Support"}, {"type":"SetPriority","priority":5}, ...]} */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String actions;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
