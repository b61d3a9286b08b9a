package org.relaydesk.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class BusinessWindowTest {

    private static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
    private final BusinessWindow window = new BusinessWindow(AMS,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(17, 0));

    private static Instant ams(String local) {
        return java.time.LocalDateTime.parse(local).atZone(AMS).toInstant();
    }

    @Test
    void openInsideTheWindowOnly() {
        assertTrue(window.isOpen(ams("2026-11-24T08:00")));   // Tuesday, start inclusive
        assertTrue(window.isOpen(ams("2026-11-24T16:59:59")));
        assertFalse(window.isOpen(ams("2026-11-24T17:00")));  // end exclusive
        assertFalse(window.isOpen(ams("2026-11-24T07:59")));
        assertFalse(window.isOpen(ams("2026-11-28T10:00")));  // Saturday
    }

    @Test
    void nightMovesToTheSameMorning() {
        assertEquals(ams("2026-11-24T08:00"), window.nextOpen(ams("2026-11-24T02:00")));
    }

    @Test
    void eveningMovesToTheNextWorkingMorning() {
        assertEquals(ams("2026-11-25T08:00"), window.nextOpen(ams("2026-11-24T17:30")));
        // Friday evening and Saturday move to Monday (SPEC T36: Sat 10:00 becomes Mon)
        assertEquals(ams("2026-11-30T08:00"), window.nextOpen(ams("2026-11-27T18:00")));
        assertEquals(ams("2026-11-30T08:00"), window.nextOpen(ams("2026-11-28T10:00")));
    }

    @Test
    void openInstantStaysAsItIs() {
        Instant t = ams("2026-11-24T10:15");
        assertEquals(t, window.nextOpen(t));
    }

    @Test
    void businessDayIsTheDayOfDelivery() {
        assertEquals(LocalDate.of(2026, 11, 24), window.businessDay(ams("2026-11-24T10:00")));
        assertEquals(LocalDate.of(2026, 11, 25), window.businessDay(ams("2026-11-24T20:00")));
    }

    @Test
    void dstSwitchesKeepLocalWallClock() {
        // 2026-03-29 spring forward, 2026-10-25 fall back in Europe/Amsterdam: both Sundays
        assertEquals(ams("2026-03-30T08:00"), window.nextOpen(ams("2026-03-28T12:00")));
        assertEquals(Instant.parse("2026-03-30T06:00:00Z"), window.nextOpen(ams("2026-03-28T12:00")));
        assertEquals(Instant.parse("2026-10-26T07:00:00Z"), window.nextOpen(ams("2026-10-25T02:30")));
    }
}
