package org.relaydesk.notification.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A weekly business window (e.g. Mon–Fri 08:00–17:00 Europe/Amsterdam) in which escalation and
 * reminder mails may go out (SPEC I3). Pure logic, evaluated on local wall-clock time.
 */
public record BusinessWindow(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    public BusinessWindow {
        if (days.isEmpty() || !start.isBefore(end)) {
            throw new IllegalArgumentException("business window needs at least one day and start < end");
        }
    }

    /** Whether the instant falls inside the window. */
    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime t = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !t.isBefore(start) && t.isBefore(end);
    }

    /** The instant itself when the window is open, else the next window start. */
    public Instant nextOpen(Instant instant) {
        if (isOpen(instant)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone);
        LocalDate date = local.toLocalDate();
        if (!local.toLocalTime().isBefore(start)) {
            date = date.plusDays(1);
        }
        for (int i = 0; i < 8; i++, date = date.plusDays(1)) {
            if (days.contains(date.getDayOfWeek())) {
                // atZone resolves a start inside a DST gap to the first valid instant after it.
                return date.atTime(start).atZone(zone).toInstant();
            }
        }
        throw new IllegalStateException("no business day within a week");
    }

    /** The business day a delivery at this instant counts for (dedupe per business day, SPEC I2). */
    public LocalDate businessDay(Instant instant) {
        return nextOpen(instant).atZone(zone).toLocalDate();
    }
}
