package org.relaydesk.escalation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaydesk.escalation.calendar.BusinessCalendar;
import org.relaydesk.escalation.calendar.CalendarConfigurationException;
import org.relaydesk.escalation.repository.CalendarEntity;
import org.relaydesk.escalation.rest.CalendarDto;

/** The admin API's calendar definitions map onto rows and domain calendars, and are validated. */
class CalendarMapperTest {

    private static CalendarDto lunchCalendar(String zone) {
        Map<DayOfWeek, List<CalendarDto.Window>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
            week.put(d, List.of(new CalendarDto.Window("13:00", "17:00"), new CalendarDto.Window("08:00", "12:00")));
        }
        week.put(DayOfWeek.SATURDAY, List.of(new CalendarDto.Window("00:00", "24:00")));
        return new CalendarDto(null, "US lunch", zone, true, week,
                List.of(new CalendarDto.Holiday("07-04", "Independence Day"), new CalendarDto.Holiday("2025-11-28", null)),
                null);
    }

    @Test
    void roundTripsThroughTheRow() {
        CalendarDto dto = lunchCalendar("America/New_York");
        CalendarEntity e = new CalendarEntity();
        e.id = "us-lunch";
        CalendarMapper.apply(dto, e);
        assertEquals(5, e.windows.size());
        CalendarDto back = CalendarMapper.toDto(e);
        assertEquals("America/New_York", back.timeZone());
        assertEquals(List.of(new CalendarDto.Window("08:00", "12:00"), new CalendarDto.Window("13:00", "17:00")),
                back.week().get(DayOfWeek.MONDAY));
        assertEquals(List.of(new CalendarDto.Window("00:00", "24:00")), back.week().get(DayOfWeek.SATURDAY));
        assertEquals(List.of(new CalendarDto.Holiday("07-04", "Independence Day"), new CalendarDto.Holiday("2025-11-28", null)),
                back.holidays());
        assertTrue(back.defaultCalendar());

        BusinessCalendar c = CalendarMapper.toCalendar(e);
        assertEquals(Duration.ofHours(8), c.businessTimeOn(LocalDate.of(2025, 3, 3)));
        assertEquals(Duration.ZERO, c.businessTimeOn(LocalDate.of(2025, 3, 4)), "Tuesday has no windows");
        assertTrue(c.isHoliday(LocalDate.of(2030, 7, 4)));
        assertTrue(c.isHoliday(LocalDate.of(2025, 11, 28)));
        assertFalse(c.isHoliday(LocalDate.of(2026, 11, 28)));
        assertEquals(Instant.parse("2025-03-03T18:30:00Z"),
                c.add(Instant.parse("2025-03-03T16:30:00Z"), Duration.ofMinutes(60))); // 11:30 EST + 60 -> 13:30
    }

    @Test
    void invalidDefinitionsAreRejected() {
        assertThrows(CalendarConfigurationException.class, () -> CalendarMapper.toCalendar("x", lunchCalendar("Mars/Olympus")));
        assertThrows(CalendarConfigurationException.class, () -> CalendarMapper.toCalendar("x", lunchCalendar(" ")));
        CalendarDto noWindows = new CalendarDto(null, "empty", "UTC", false, Map.of(), List.of(), null);
        assertThrows(CalendarConfigurationException.class, () -> CalendarMapper.toCalendar("x", noWindows));
        CalendarDto overlap = new CalendarDto(null, "overlap", "UTC", false, Map.of(DayOfWeek.MONDAY,
                List.of(new CalendarDto.Window("08:00", "12:00"), new CalendarDto.Window("11:00", "13:00"))), List.of(), null);
        assertThrows(CalendarConfigurationException.class, () -> CalendarMapper.toCalendar("x", overlap));
        CalendarDto badHoliday = new CalendarDto(null, "h", "UTC", false, Map.of(DayOfWeek.MONDAY,
                List.of(new CalendarDto.Window("08:00", "12:00"))), List.of(new CalendarDto.Holiday("13-01", null)), null);
        assertThrows(CalendarConfigurationException.class, () -> CalendarMapper.toCalendar("x", badHoliday));
        CalendarDto badTime = new CalendarDto(null, "t", "UTC", false, Map.of(DayOfWeek.MONDAY,
                List.of(new CalendarDto.Window("08:00", "25:00"))), List.of(), null);
        assertThrows(CalendarConfigurationException.class, () -> CalendarMapper.toCalendar("x", badTime));
    }
}
