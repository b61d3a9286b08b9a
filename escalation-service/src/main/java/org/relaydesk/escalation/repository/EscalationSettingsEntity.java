package org.relaydesk.escalation.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.relaydesk.escalation.clock.EscalationSettings;

/** Escalation settings of one queue or one SLA (V2 migration; SPEC A1-A3, K1). */
@Entity
@Table(name = "escalation_settings")
public class EscalationSettingsEntity extends PanacheEntityBase {

    /** Whose settings these are. */
    public enum Scope { QUEUE, SLA }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Scope scope;

    /** The queue or SLA id. */
    @Column(name = "scope_key", nullable = false)
    public String scopeKey;

    /** Null falls through to the queue's calendar, then the default (A3). */
    @Column(name = "calendar_id")
    public String calendarId;

    @Column(name = "first_response_minutes", nullable = false)
    public int firstResponseMinutes;

    @Column(name = "update_minutes", nullable = false)
    public int updateMinutes;

    @Column(name = "solution_minutes", nullable = false)
    public int solutionMinutes;

    @Column(name = "first_response_notify_percent", nullable = false)
    public short firstResponseNotifyPercent;

    @Column(name = "update_notify_percent", nullable = false)
    public short updateNotifyPercent;

    @Column(name = "solution_notify_percent", nullable = false)
    public short solutionNotifyPercent;

    /** Queues only: auto-unlock after this many business minutes, 0 = off (K1). */
    @Column(name = "unlock_timeout_minutes", nullable = false)
    public int unlockTimeoutMinutes;

    /** Comma-separated state types that suspend the clocks; null = service default (F2). */
    @Column(name = "suspend_state_types")
    public String suspendStateTypes;

    /** Comma-separated further state names that suspend the clocks; null = service default (F2). */
    @Column(name = "suspend_state_names")
    public String suspendStateNames;

    /** Update clock mode; null = service default (D2, D4, D5). */
    @Column(name = "update_mode")
    public String updateMode;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public EscalationSettings toSettings() {
        return new EscalationSettings(calendarId, firstResponseMinutes, updateMinutes, solutionMinutes,
                firstResponseNotifyPercent, updateNotifyPercent, solutionNotifyPercent);
    }
}
