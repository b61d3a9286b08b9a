package org.relaydesk.escalation.service;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Arrays;
import org.relaydesk.escalation.calendar.BusinessCalendar;
import org.relaydesk.escalation.clock.ClockPolicy;
import org.relaydesk.escalation.clock.EscalationSettings;
import org.relaydesk.escalation.clock.SettingsSource;
import org.relaydesk.escalation.clock.StateType;
import org.relaydesk.escalation.clock.UpdateMode;
import org.relaydesk.escalation.repository.EscalationSettingsEntity;
import org.relaydesk.escalation.repository.EscalationSettingsEntity.Scope;

/**
 * Settings and calendars from the database, memoised for the lifetime of one instance: create one
 * per transaction or recompute batch, so that a batch reads the queue/SLA records and calendars once.
 */
public final class DbSettingsSource implements SettingsSource {

    private final CalendarService calendars;
    private Map<String, EscalationSettingsEntity> records;
    private final Map<String, BusinessCalendar> calendarsById = new HashMap<>();
    private BusinessCalendar defaultCalendar;

    public DbSettingsSource(CalendarService calendars) {
        this.calendars = calendars;
    }

    public Optional<EscalationSettingsEntity> record(Scope scope, String key) {
        if (key == null) {
            return Optional.empty();
        }
        if (records == null) { // all records at once: a few hundred rows at most, one query per instance
            records = new HashMap<>();
            for (EscalationSettingsEntity e : EscalationSettingsEntity.<EscalationSettingsEntity>listAll()) {
                records.put(e.scope + ":" + e.scopeKey, e);
            }
        }
        return Optional.ofNullable(records.get(scope + ":" + key));
    }

    @Override
    public Optional<EscalationSettings> queueSettings(String queue) {
        return record(Scope.QUEUE, queue).map(EscalationSettingsEntity::toSettings);
    }

    @Override
    public Optional<EscalationSettings> slaSettings(String sla) {
        return record(Scope.SLA, sla).map(EscalationSettingsEntity::toSettings);
    }

    @Override
    public BusinessCalendar calendar(String calendarId) {
        if (calendarId == null) {
            return defaultCalendar();
        }
        return calendarsById.computeIfAbsent(calendarId, calendars::businessCalendar);
    }

    @Override
    public BusinessCalendar defaultCalendar() {
        if (defaultCalendar == null) {
            defaultCalendar = calendars.defaultBusinessCalendar();
        }
        return defaultCalendar;
    }

    /** The queue's unlock timeout in minutes (K1), 0 = off. */
    public int unlockTimeoutMinutes(String queue) {
        return record(Scope.QUEUE, queue).map(e -> e.unlockTimeoutMinutes).orElse(0);
    }

    /**
     * The clock policy for a ticket: the service default, with the suspend states and update mode of
     * the record A2 chooses (the SLA's when the ticket has one with settings, else the queue's) where set.
     */
    public ClockPolicy policy(ClockPolicy base, String queue, String sla) {
        Optional<EscalationSettingsEntity> chosen = record(Scope.SLA, sla).or(() -> record(Scope.QUEUE, queue));
        if (chosen.isEmpty()) {
            return base;
        }
        EscalationSettingsEntity e = chosen.get();
        ClockPolicy p = base;
        if (e.suspendStateTypes != null) {
            p = p.withSuspendStateTypes(parseTypes(e.suspendStateTypes));
        }
        if (e.suspendStateNames != null) {
            p = new ClockPolicy(p.suspendStateTypes(), split(e.suspendStateNames), p.updateMode(),
                    p.updateArmedFromCreation(), p.blankUpdateWhilePending(), p.responseChannels());
        }
        if (e.updateMode != null) {
            p = p.withUpdateMode(UpdateMode.valueOf(e.updateMode));
        }
        return p;
    }

    static Set<StateType> parseTypes(String csv) {
        return split(csv).stream().map(StateType::fromWire)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(StateType.class)));
    }

    static Set<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
