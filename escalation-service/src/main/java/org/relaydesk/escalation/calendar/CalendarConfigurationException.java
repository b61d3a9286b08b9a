package org.relaydesk.escalation.calendar;

/** A calendar definition that cannot be used: no windows at all, overlapping windows, a bad time (SPEC B1, B5). */
public class CalendarConfigurationException extends IllegalArgumentException {

    public CalendarConfigurationException(String message) {
        super(message);
    }
}
