package org.relaydesk.escalation.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.relaydesk.escalation.calendar.BusinessCalendar;
import org.relaydesk.escalation.calendar.CalendarConfigurationException;
import org.relaydesk.escalation.calendar.WorkingWindow;
import org.relaydesk.escalation.repository.CalendarEntity;
import org.relaydesk.escalation.rest.CalendarDto;

/** Converts calendars between the API, the database rows and the domain; validation is the domain's (B1, B5). */
public final class CalendarMapper {

    private CalendarMapper() {
    }

    /** The domain calendar of an API definition; throws {@link CalendarConfigurationException} when it is invalid. */
    public static BusinessCalendar toCalendar(String id, CalendarDto dto) {
        BusinessCalendar.Builder b = BusinessCalendar.builder(id, zone(dto.timeZone()));
        dto.week().forEach((day, windows) -> {
            if (day == null) {
                throw new CalendarConfigurationException("unknown weekday");
            }
            for (CalendarDto.Window w : windows == null ? List.<CalendarDto.Window>of() : windows) {
                if (w == null) {
                    throw new CalendarConfigurationException("empty window on " + day);
                }
                b.window(day, WorkingWindow.of(w.start(), w.end()));
            }
        });
        for (CalendarDto.Holiday h : holidays(dto)) {
            Object date = holidayDate(h.date());
            if (date instanceof MonthDay md) {
                b.yearlyHoliday(md);
            } else {
                b.oneTimeHoliday((LocalDate) date);
            }
        }
        return b.build();
    }

    /** The domain calendar of a stored row. */
    public static BusinessCalendar toCalendar(CalendarEntity e) {
        return toCalendar(e.id, toDto(e));
    }

    /** Writes a validated API definition into a (new or existing) row. */
    public static void apply(CalendarDto dto, CalendarEntity e) {
        e.name = dto.name();
        e.timeZone = zone(dto.timeZone()).getId();
        e.isDefault = dto.defaultCalendar();
        e.windows.clear();
        dto.week().forEach((day, windows) -> {
            for (CalendarDto.Window w : windows == null ? List.<CalendarDto.Window>of() : windows) {
                WorkingWindow ww = WorkingWindow.of(w.start(), w.end());
                e.windows.add(new CalendarEntity.Window(day.getValue(), ww.startMinute(), ww.endMinute()));
            }
        });
        e.holidays.clear();
        for (CalendarDto.Holiday h : holidays(dto)) {
            Object date = holidayDate(h.date());
            if (date instanceof MonthDay md) {
                e.holidays.add(new CalendarEntity.Holiday(md.getMonthValue(), md.getDayOfMonth(), null, h.name()));
            } else {
                LocalDate d = (LocalDate) date;
                e.holidays.add(new CalendarEntity.Holiday(d.getMonthValue(), d.getDayOfMonth(), d.getYear(), h.name()));
            }
        }
    }

    /** The API view of a stored row, windows and holidays in order. */
    public static CalendarDto toDto(CalendarEntity e) {
        Map<DayOfWeek, List<CalendarDto.Window>> week = new EnumMap<>(DayOfWeek.class);
        e.windows.stream()
                .sorted(Comparator.comparingInt((CalendarEntity.Window w) -> w.isoWeekday).thenComparingInt(w -> w.startMinute))
                .forEach(w -> {
                    WorkingWindow ww = new WorkingWindow(w.startMinute, w.endMinute);
                    String text = ww.toString();
                    week.computeIfAbsent(DayOfWeek.of(w.isoWeekday), d -> new ArrayList<>())
                            .add(new CalendarDto.Window(text.substring(0, 5), text.substring(6)));
                });
        List<CalendarDto.Holiday> holidays = e.holidays.stream()
                .sorted(Comparator.comparing((CalendarEntity.Holiday h) -> h.year == null ? 0 : h.year)
                        .thenComparingInt(h -> h.month).thenComparingInt(h -> h.day))
                .map(h -> new CalendarDto.Holiday(h.year == null
                        ? String.format("%02d-%02d", h.month, h.day)
                        : String.format("%04d-%02d-%02d", h.year, h.month, h.day), h.name))
                .toList();
        return new CalendarDto(e.id, e.name, e.timeZone, e.isDefault, week, holidays, e.version);
    }

    private static List<CalendarDto.Holiday> holidays(CalendarDto dto) {
        return dto.holidays() == null ? List.of() : dto.holidays();
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw new CalendarConfigurationException("a calendar needs an IANA time zone (SPEC A4)");
        }
        try {
            return ZoneId.of(zone);
        } catch (java.time.DateTimeException ex) {
            throw new CalendarConfigurationException("not a time zone: " + zone);
        }
    }

    /** A {@link MonthDay} for {@code MM-DD}, a {@link LocalDate} for {@code YYYY-MM-DD}. */
    private static Object holidayDate(String text) {
        try {
            if (text != null && text.matches("\\d{2}-\\d{2}")) {
                return MonthDay.parse("--" + text);
            }
            if (text != null && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(text);
            }
        } catch (java.time.DateTimeException ex) {
            // fall through
        }
        throw new CalendarConfigurationException("holiday must be MM-DD or YYYY-MM-DD: " + text);
    }
}
