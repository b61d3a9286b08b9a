package org.relaydesk.escalation.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Focused tests of the business-time arithmetic (SPEC B), beyond the worked cases. */
class BusinessCalendarTest {

    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static final BusinessCalendar OFFICE = BusinessCalendar.builder("A", AMSTERDAM)
            .window(WEEKDAYS, "09:00", "17:00")
            .yearlyHoliday("12-25").yearlyHoliday("12-26").yearlyHoliday("04-27")
            .oneTimeHoliday("2025-05-05")
            .build();

    private static final BusinessCalendar ALWAYS = BusinessCalendar.builder("B", AMSTERDAM)
            .window(EnumSet.allOf(DayOfWeek.class), "00:00", "24:00")
            .build();

    private static final BusinessCalendar LUNCH = BusinessCalendar.builder("D", ZoneId.of("America/New_York"))
            .window(WEEKDAYS, "08:00", "12:00")
            .window(WEEKDAYS, "13:00", "17:00")
            .yearlyHoliday("07-04")
            .build();

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static BusinessCalendar sunday(String start, String end, ZoneId zone) {
        return BusinessCalendar.builder("sun", zone).window(DayOfWeek.SUNDAY, start, end).build();
    }

    // ------------------------------------------------------------------ B5 add

    @Test
    void resultMayBeTheWindowEnd() { // T03
        assertEquals(at("2025-03-04T17:00:00+01:00"), OFFICE.add(at("2025-03-04T16:00:00+01:00"), Duration.ofMinutes(60)));
    }

    @Test
    void zeroBudgetReturnsStartEvenOutsideBusinessTime() {
        Instant saturday = at("2025-03-08T03:17:11+01:00");
        assertEquals(saturday, OFFICE.add(saturday, Duration.ZERO));
    }

    @Test
    void secondsAreKept() { // T34
        assertEquals(at("2025-03-04T10:30:17+01:00"), OFFICE.add(at("2025-03-04T09:30:17+01:00"), Duration.ofMinutes(60)));
        assertEquals(at("2025-03-05T09:00:17+01:00"), OFFICE.add(at("2025-03-04T16:00:17+01:00"), Duration.ofMinutes(60)));
    }

    @Test
    void lunchBreakIsSkipped() { // T33 variant
        assertEquals(at("2025-03-04T13:30:00-05:00"), LUNCH.add(at("2025-03-04T11:30:00-05:00"), Duration.ofMinutes(60)));
        assertEquals(at("2025-03-04T12:00:00-05:00"), LUNCH.add(at("2025-03-04T11:30:00-05:00"), Duration.ofMinutes(30)));
        assertFalse(LUNCH.isBusinessTime(at("2025-03-04T12:30:00-05:00")));
        assertTrue(LUNCH.isBusinessTime(at("2025-03-04T13:00:00-05:00")));
        assertEquals(Duration.ofHours(8), LUNCH.businessTimeOn(LocalDate.of(2025, 3, 4)));
    }

    @Test
    void holidaysRemoveTheWholeDate() {
        // yearly 12-25/12-26 (Thu, Fri) and the weekend: Wed 16:00 + 180 min -> Mon 11:00 (T15)
        assertEquals(at("2025-12-29T11:00:00+01:00"), OFFICE.add(at("2025-12-24T16:00:00+01:00"), Duration.ofMinutes(180)));
        // one-time 2025-05-05 (T16)
        assertEquals(at("2025-05-06T10:00:00+02:00"), OFFICE.add(at("2025-05-02T15:00:00+02:00"), Duration.ofMinutes(180)));
        // the yearly holiday recurs, the one-time holiday does not
        assertTrue(OFFICE.isHoliday(LocalDate.of(2031, 12, 25)));
        assertFalse(OFFICE.isHoliday(LocalDate.of(2026, 5, 5)));
        assertFalse(OFFICE.isBusinessTime(at("2026-04-27T10:00:00+02:00")));
        assertEquals(Duration.ZERO, OFFICE.businessTimeOn(LocalDate.of(2026, 4, 27)));
    }

    @Test
    void holidayFollowsTheCalendarZoneNotUtc() {
        BusinessCalendar tokyo = BusinessCalendar.builder("T", ZoneId.of("Asia/Tokyo"))
                .window(EnumSet.allOf(DayOfWeek.class), "00:00", "24:00").yearlyHoliday("01-01").build();
        assertFalse(tokyo.isBusinessTime(at("2024-12-31T16:00:00Z"))); // 01:00 on Jan 1 in Tokyo
        assertTrue(tokyo.isBusinessTime(at("2024-12-31T14:59:59Z")));
    }

    // ------------------------------------------------------------------ B4 DST

    @Test
    void springForwardIn24x7() { // T10, T12
        assertEquals(at("2025-03-30T04:30:00+02:00"), ALWAYS.add(at("2025-03-30T01:30:00+01:00"), Duration.ofMinutes(120)));
        assertEquals(Duration.ofHours(23), ALWAYS.businessTimeOn(LocalDate.of(2025, 3, 30)));
        // 1440 business minutes are always 24 real hours
        Instant start = at("2025-03-29T12:00:00+01:00");
        assertEquals(start.plus(Duration.ofHours(24)), ALWAYS.add(start, Duration.ofMinutes(1440)));
    }

    @Test
    void fallBackIn24x7() { // T11, T12
        assertEquals(at("2025-10-26T02:30:00+01:00"), ALWAYS.add(at("2025-10-26T01:30:00+02:00"), Duration.ofMinutes(120)));
        assertEquals(Duration.ofHours(25), ALWAYS.businessTimeOn(LocalDate.of(2025, 10, 26)));
        Instant start = at("2025-10-25T12:00:00+02:00");
        assertEquals(start.plus(Duration.ofHours(24)), ALWAYS.add(start, Duration.ofMinutes(1440)));
        assertEquals(Duration.ofHours(48), ALWAYS.between(start, start.plus(Duration.ofHours(48))));
    }

    @Test
    void windowContainingTheGapIsShorterAndTheOverlapCountsTwice() { // T13, T14
        BusinessCalendar c = sunday("01:00", "05:00", AMSTERDAM);
        assertEquals(Duration.ofHours(3), c.businessTimeOn(LocalDate.of(2025, 3, 30)));
        assertEquals(Duration.ofHours(5), c.businessTimeOn(LocalDate.of(2025, 10, 26)));
        assertEquals(Duration.ofHours(4), c.businessTimeOn(LocalDate.of(2025, 4, 6)));
    }

    @Test
    void windowStartingInTheGapOpensWhenTheClockJumps() { // T42: 2 h, not 1.5 h
        BusinessCalendar c = sunday("02:30", "05:00", AMSTERDAM);
        assertEquals(Duration.ofHours(2), c.businessTimeOn(LocalDate.of(2025, 3, 30)));
        assertEquals(at("2025-03-30T03:00:00+02:00"), c.businessIntervals(LocalDate.of(2025, 3, 30)).get(0).start());
        assertFalse(c.isBusinessTime(at("2025-03-30T00:59:59Z")));
        assertTrue(c.isBusinessTime(at("2025-03-30T01:00:00Z")));
    }

    @Test
    void windowEndingInTheOverlapCountsBothPasses() { // T41: 01:00-02:30 on fall-back Sunday is 2 h, not 1.5 h
        BusinessCalendar c = sunday("01:00", "02:30", AMSTERDAM);
        assertEquals(Duration.ofHours(2), c.businessTimeOn(LocalDate.of(2025, 10, 26)));
        assertTrue(c.isBusinessTime(at("2025-10-26T02:15:00+02:00")));
        assertTrue(c.isBusinessTime(at("2025-10-26T02:15:00+01:00")));
        assertFalse(c.isBusinessTime(at("2025-10-26T02:45:00+02:00")));
        assertEquals(at("2025-10-26T02:30:00+01:00"), c.add(at("2025-10-26T00:00:00+02:00"), Duration.ofMinutes(120)));
    }

    @Test
    void officeHoursKeepTheirWallClockMeaningAcrossSwitches() { // T08
        assertEquals(at("2025-03-31T10:00:00+02:00"), OFFICE.add(at("2025-03-28T16:00:00+01:00"), Duration.ofMinutes(120)));
        assertEquals(at("2025-10-27T10:00:00+01:00"), OFFICE.add(at("2025-10-24T16:00:00+02:00"), Duration.ofMinutes(120)));
        assertEquals(Duration.ofHours(8), OFFICE.businessTimeOn(LocalDate.of(2025, 3, 31)));
    }

    @Test
    void switchAtLocalMidnight() { // T43: Sao Paulo 2018-11-04 has no 00:00; 2019-02-16 has 23:00-24:00 twice
        BusinessCalendar sp = BusinessCalendar.builder("S", ZoneId.of("America/Sao_Paulo"))
                .window(EnumSet.allOf(DayOfWeek.class), "00:00", "24:00").build();
        assertEquals(Duration.ofHours(23), sp.businessTimeOn(LocalDate.of(2018, 11, 4)));
        assertEquals(Duration.ofHours(24), sp.businessTimeOn(LocalDate.of(2018, 11, 3)));
        assertEquals(Duration.ofHours(25), sp.businessTimeOn(LocalDate.of(2019, 2, 16)));
        assertEquals(at("2018-11-04T02:00:00-02:00"), sp.add(at("2018-11-03T23:00:00-03:00"), Duration.ofMinutes(120)));
        Instant start = at("2018-11-02T12:00:00-03:00");
        assertEquals(start.plus(Duration.ofDays(5)), sp.add(start, Duration.ofMinutes(5 * 1440)));
        // a window 00:00-09:00 on the switch day starts at the missing midnight: 8 h
        BusinessCalendar spNight = BusinessCalendar.builder("SO", ZoneId.of("America/Sao_Paulo"))
                .window(EnumSet.allOf(DayOfWeek.class), "00:00", "09:00").build();
        assertEquals(Duration.ofHours(8), spNight.businessTimeOn(LocalDate.of(2018, 11, 4)));
    }

    // ------------------------------------------------------------------ B6 between, suspensions

    @Test
    void betweenIsTheMeasureOfBusinessTime() {
        assertEquals(Duration.ofMinutes(20), OFFICE.between(at("2025-03-04T10:00:00+01:00"), at("2025-03-04T10:20:00+01:00")));
        assertEquals(Duration.ofHours(8 + 1), OFFICE.between(at("2025-03-07T09:00:00+01:00"), at("2025-03-10T10:00:00+01:00")));
        assertEquals(Duration.ZERO, OFFICE.between(at("2025-03-08T09:00:00+01:00"), at("2025-03-09T20:00:00+01:00")));
        assertEquals(Duration.ZERO, OFFICE.between(at("2025-03-10T10:00:00+01:00"), at("2025-03-07T09:00:00+01:00")));
    }

    @Test
    void suspensionsAreNotConsumed() { // T22: paused Tue 10:00 .. Wed 11:00, 480 min from Tue 09:00 -> Thu 10:00
        Suspensions s = Suspensions.of(at("2025-03-04T10:00:00+01:00"), at("2025-03-05T11:00:00+01:00"));
        Instant created = at("2025-03-04T09:00:00+01:00");
        assertEquals(at("2025-03-06T10:00:00+01:00"), OFFICE.add(created, Duration.ofMinutes(480), s));
        assertEquals(Duration.ofMinutes(60), OFFICE.between(created, at("2025-03-05T11:00:00+01:00"), s));
        assertFalse(OFFICE.isBusinessTime(at("2025-03-04T12:00:00+01:00"), s));
        // open-ended: no due time while suspended
        Suspensions open = Suspensions.builder().addOpen(at("2025-03-04T10:00:00+01:00")).build();
        assertNull(OFFICE.add(created, Duration.ofMinutes(480), open));
        assertEquals(at("2025-03-04T09:30:00+01:00"), OFFICE.add(created, Duration.ofMinutes(30), open));
        assertEquals(Duration.ofMinutes(60), OFFICE.between(created, at("2025-03-07T12:00:00+01:00"), open));
    }

    @Test
    void suspensionsMerge() {
        Suspensions s = Suspensions.builder()
                .add(at("2025-03-04T12:00:00Z"), at("2025-03-04T13:00:00Z"))
                .add(at("2025-03-04T10:00:00Z"), at("2025-03-04T12:00:00Z"))
                .add(at("2025-03-05T10:00:00Z"), null)
                .add(at("2025-03-05T11:00:00Z"), at("2025-03-05T12:00:00Z"))
                .build();
        assertEquals(2, s.size());
        assertTrue(s.isOpenEnded());
        assertEquals(at("2025-03-05T10:00:00Z"), s.openSince());
    }

    @Test
    void longSuspensionDoesNotExhaustTheHorizon() {
        Instant created = at("2010-03-04T09:00:00+01:00");
        Suspensions s = Suspensions.of(created, at("2025-03-04T09:00:00+01:00"));
        assertEquals(at("2025-03-04T10:00:00+01:00"), OFFICE.add(created, Duration.ofMinutes(60), s));
    }

    // ------------------------------------------------------------------ gating, validation

    @Test
    void nextBusinessInstant() { // I3, T36
        assertEquals(at("2025-03-10T09:00:00+01:00"), OFFICE.nextBusinessInstant(at("2025-03-08T10:00:00+01:00")));
        Instant inside = at("2025-03-10T09:00:00.5+01:00");
        assertEquals(inside, OFFICE.nextBusinessInstant(inside));
        assertEquals(at("2025-03-11T09:00:00+01:00"), OFFICE.nextBusinessInstant(at("2025-03-10T17:00:00+01:00")));
    }

    @Test
    void calendarWithoutWindowsIsAnError() {
        assertThrows(CalendarConfigurationException.class, () -> BusinessCalendar.builder("x", AMSTERDAM).build());
        assertThrows(NullPointerException.class,
                () -> BusinessCalendar.builder("x", null).window(DayOfWeek.MONDAY, "09:00", "17:00").build());
    }

    @Test
    void windowsAreValidated() {
        assertThrows(CalendarConfigurationException.class, () -> WorkingWindow.of("17:00", "09:00"));
        assertThrows(CalendarConfigurationException.class, () -> WorkingWindow.of("09:00", "24:01"));
        assertThrows(CalendarConfigurationException.class, () -> WorkingWindow.of("9h", "17:00"));
        assertEquals(1440, WorkingWindow.of("00:00", "24:00").endMinute());
        assertThrows(CalendarConfigurationException.class, () -> BusinessCalendar.builder("x", AMSTERDAM)
                .window(DayOfWeek.MONDAY, "09:00", "12:30").window(DayOfWeek.MONDAY, "12:00", "17:00").build());
        // touching windows are one window
        BusinessCalendar touching = BusinessCalendar.builder("x", AMSTERDAM)
                .window(DayOfWeek.MONDAY, "09:00", "12:00").window(DayOfWeek.MONDAY, "12:00", "17:00").build();
        assertEquals(1, touching.windows(DayOfWeek.MONDAY).size());
    }

    @Test
    void horizonGuard() {
        BusinessCalendar shortHorizon = BusinessCalendar.builder("short", AMSTERDAM)
                .window(EnumSet.allOf(DayOfWeek.class), "09:00", "17:00")
                .horizonDays(400)
                .build();
        assertThrows(BusinessTimeHorizonException.class,
                () -> shortHorizon.add(at("2025-01-01T00:00:00Z"), Duration.ofDays(200))); // 600 working days
        BusinessCalendar allHolidays = BusinessCalendar.builder("h", AMSTERDAM)
                .window(DayOfWeek.MONDAY, "09:00", "17:00").oneTimeHoliday("2025-03-10").horizonDays(7).build();
        assertThrows(BusinessTimeHorizonException.class,
                () -> allHolidays.nextBusinessInstant(at("2025-03-08T00:00:00Z")));
    }

    /** add and between are inverse: between(start, add(start, b)) == b, and add lands in business time or a window end. */
    @Test
    void addAndBetweenAgreeOnRandomInputs() {
        Random random = new Random(42);
        BusinessCalendar[] calendars = {OFFICE, ALWAYS, LUNCH, sunday("01:00", "05:00", AMSTERDAM)};
        Instant base = at("2024-01-01T00:00:00Z");
        for (int i = 0; i < 20_000; i++) {
            BusinessCalendar c = calendars[i % calendars.length];
            Instant start = base.plusSeconds(random.nextInt(3 * 365 * 86_400));
            long budget = random.nextInt(5 * 24 * 60) * 60L + random.nextInt(60);
            Instant end = c.add(start, budget, Suspensions.NONE);
            assertEquals(budget, c.betweenSeconds(start, end, Suspensions.NONE), c.id() + " " + start + " +" + budget);
            if (budget > 0) {
                assertTrue(c.isBusinessTime(end.minusMillis(1)), c.id() + " " + start + " +" + budget + " -> " + end);
            }
        }
    }

    /** Membership by the definition (local date and time), checked against the interval computation minute by minute. */
    @Test
    void membershipMatchesTheDefinitionAroundSwitches() {
        BusinessCalendar[] calendars = {sunday("01:00", "05:00", AMSTERDAM), sunday("02:30", "05:00", AMSTERDAM),
                sunday("01:00", "02:30", AMSTERDAM), OFFICE};
        for (BusinessCalendar c : calendars) {
            for (String day : new String[] {"2025-03-29T12:00:00Z", "2025-10-25T12:00:00Z"}) {
                Instant from = at(day);
                for (int m = 0; m < 36 * 60; m++) {
                    Instant t = from.plusSeconds(m * 60L);
                    var local = t.atZone(c.zone());
                    boolean expected = !c.isHoliday(local.toLocalDate()) && c.windows(local.getDayOfWeek()).stream()
                            .anyMatch(w -> {
                                int minute = local.getHour() * 60 + local.getMinute();
                                return minute >= w.startMinute() && minute < w.endMinute();
                            });
                    assertEquals(expected, c.isBusinessTime(t), c + " at " + local);
                }
            }
        }
    }
}
