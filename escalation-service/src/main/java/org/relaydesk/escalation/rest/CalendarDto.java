package org.relaydesk.escalation.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/**
 * A calendar as the admin API reads and writes it.
 *
 * <pre>
 * {"id": "nl-office", "name": "NL office", "timeZone": "Europe/Amsterdam", "default": true,
 *  "week": {"MONDAY": [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}], ...},
 *  "holidays": [{"date": "12-25", "name": "Christmas"}, {"date": "2025-05-05"}], "version": 3}
 * </pre>
 *
 * @param id              the calendar id (taken from the path on PUT)
 * @param name            display name
 * @param timeZone        IANA zone id, required (SPEC A4)
 * @param defaultCalendar whether this is the system default calendar (A3)
 * @param week            windows per ISO weekday, {@code HH:MM}, end {@code 24:00} allowed (B1)
 * @param holidays        {@code MM-DD} yearly or {@code YYYY-MM-DD} one-time holidays
 * @param version         optimistic-locking version; on PUT, when given, must match the stored one
 */
public record CalendarDto(
        String id,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 64) String timeZone,
        @JsonProperty("default") boolean defaultCalendar,
        @NotNull Map<DayOfWeek, List<Window>> week,
        List<Holiday> holidays,
        Long version) {

    /** A working window. */
    public record Window(@NotBlank String start, @NotBlank String end) {
    }

    /** A holiday: {@code MM-DD} (every year) or {@code YYYY-MM-DD} (once). */
    public record Holiday(@NotBlank String date, String name) {
    }
}
