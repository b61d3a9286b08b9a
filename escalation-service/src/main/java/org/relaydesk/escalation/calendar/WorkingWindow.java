package org.relaydesk.escalation.calendar;

import java.time.LocalTime;

/**
 * One working window {@code [start, end)} of a weekday in local wall-clock time, at minute
 * granularity (SPEC B1). The end may be {@code 24:00}; a window never crosses midnight.
 *
 * @param startMinute minutes after local midnight, 0..1439
 * @param endMinute   minutes after local midnight, startMinute+1..1440 (1440 = {@code 24:00})
 */
public record WorkingWindow(int startMinute, int endMinute) implements Comparable<WorkingWindow> {

    public static final int MINUTES_PER_DAY = 24 * 60;

    public WorkingWindow {
        if (startMinute < 0 || startMinute >= MINUTES_PER_DAY) {
            throw new CalendarConfigurationException("window start out of range: " + startMinute);
        }
        if (endMinute <= startMinute || endMinute > MINUTES_PER_DAY) {
            throw new CalendarConfigurationException(
                    "window end must lie after its start and at most 24:00: " + format(startMinute) + "-" + format(endMinute));
        }
    }

    /** Parses {@code "HH:MM"} pairs such as {@code "09:00"}, {@code "17:15"} or {@code "24:00"}. */
    public static WorkingWindow of(String start, String end) {
        return new WorkingWindow(parseMinute(start), parseMinute(end));
    }

    public static WorkingWindow of(LocalTime start, LocalTime end) {
        int endMinute = end.equals(LocalTime.MIDNIGHT) ? MINUTES_PER_DAY : end.getHour() * 60 + end.getMinute();
        return new WorkingWindow(start.getHour() * 60 + start.getMinute(), endMinute);
    }

    static int parseMinute(String hhmm) {
        if (hhmm == null || !hhmm.matches("\\d{1,2}:\\d{2}")) {
            throw new CalendarConfigurationException("time must look like HH:MM: " + hhmm);
        }
        int colon = hhmm.indexOf(':');
        int hours = Integer.parseInt(hhmm.substring(0, colon));
        int minutes = Integer.parseInt(hhmm.substring(colon + 1));
        if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) {
            throw new CalendarConfigurationException("not a wall-clock time: " + hhmm);
        }
        return hours * 60 + minutes;
    }

    static String format(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }

    public int lengthMinutes() {
        return endMinute - startMinute;
    }

    @Override
    public int compareTo(WorkingWindow other) {
        return Integer.compare(startMinute, other.startMinute);
    }

    @Override
    public String toString() {
        return format(startMinute) + "-" + format(endMinute);
    }
}
