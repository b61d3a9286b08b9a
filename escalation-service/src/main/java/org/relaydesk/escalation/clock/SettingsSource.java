package org.relaydesk.escalation.clock;

import java.util.Optional;
import org.relaydesk.escalation.calendar.BusinessCalendar;

/** Where the clock computation looks up queue and SLA settings and calendars. */
public interface SettingsSource {

    /** Settings of a queue, if it has any. */
    Optional<EscalationSettings> queueSettings(String queue);

    /** Settings of an SLA, if the SLA exists. */
    Optional<EscalationSettings> slaSettings(String sla);

    /** A calendar by id; unknown ids are a configuration error. */
    BusinessCalendar calendar(String calendarId);

    /** The system default calendar (A3), with an explicit time zone (A4). */
    BusinessCalendar defaultCalendar();

    /**
     * Settings and calendar for a ticket in {@code queue} with {@code sla} (may be null), per SPEC
     * A2/A3: the SLA record wins as a whole when the ticket has an SLA; the calendar is the SLA's, else
     * the queue's, else the default. This one resolution is used for every timer.
     */
    default ResolvedSettings resolve(String queue, String sla) {
        Optional<EscalationSettings> queueRecord = queue == null ? Optional.empty() : queueSettings(queue);
        Optional<EscalationSettings> slaRecord = sla == null ? Optional.empty() : slaSettings(sla);
        EscalationSettings chosen = slaRecord.or(() -> queueRecord).orElse(EscalationSettings.NONE);
        String calendarId = slaRecord.map(EscalationSettings::calendarId)
                .or(() -> queueRecord.map(EscalationSettings::calendarId))
                .orElse(null);
        BusinessCalendar calendar = calendarId == null ? defaultCalendar() : calendar(calendarId);
        ResolvedSettings.Origin origin = slaRecord.isPresent() ? ResolvedSettings.Origin.SLA
                : queueRecord.isPresent() ? ResolvedSettings.Origin.QUEUE : ResolvedSettings.Origin.NONE;
        return new ResolvedSettings(chosen, calendar, origin);
    }

    /** The outcome of A2/A3. */
    record ResolvedSettings(EscalationSettings settings, BusinessCalendar calendar, Origin origin) {
        public enum Origin { SLA, QUEUE, NONE }
    }
}
