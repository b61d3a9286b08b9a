package org.relaydesk.mailgateway.parsing;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 5322 dates as they occur in the wild: optional day name, one-digit days, two- and
 * three-digit years (RFC 5322 §4.3), missing seconds, obsolete zone names (GMT, UT, EST,
 * PDT, military letters), comments such as {@code (CEST)}, extra whitespace and commas.
 * Returns null (the caller warns) when nothing date-like is found.
 */
public final class MailDates {

    private static final Pattern DATE = Pattern.compile(
            "(\\d{1,2})[\\s-]+([A-Za-z]{3})[A-Za-z]*[\\s-]+(\\d{2,4})\\s+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?"
                    + "(?:\\.\\d+)?\\s*([+-]\\d{2}:?\\d{2}|[A-Za-z]{1,5})?");
    private static final List<String> MONTHS = List.of(
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0),
            Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
            Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7),
            Map.entry("CET", 1), Map.entry("CEST", 2), Map.entry("MET", 1), Map.entry("MEST", 2),
            Map.entry("BST", 1), Map.entry("EET", 2), Map.entry("EEST", 3));

    private MailDates() {
    }

    public static OffsetDateTime parse(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = DATE.matcher(header);
        if (!m.find()) {
            return null;
        }
        try {
            int day = Integer.parseInt(m.group(1));
            int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
            if (month == 0) {
                return null;
            }
            int year = Integer.parseInt(m.group(3));
            if (m.group(3).length() == 2) {
                year += year < 50 ? 2000 : 1900;
            } else if (m.group(3).length() == 3) {
                year += 1900;
            }
            int hour = Integer.parseInt(m.group(4));
            int minute = Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? 0 : Math.min(59, Integer.parseInt(m.group(6)));
            ZoneOffset offset = offset(m.group(7));
            return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second), offset);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.isEmpty()) {
            return ZoneOffset.UTC;
        }
        if (zone.startsWith("+") || zone.startsWith("-")) {
            String digits = zone.replace(":", "");
            int hours = Integer.parseInt(digits.substring(1, 3));
            int minutes = Integer.parseInt(digits.substring(3, 5));
            int sign = zone.startsWith("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        Integer hours = ZONES.get(zone.toUpperCase(Locale.ROOT));
        return ZoneOffset.ofHours(hours == null ? 0 : hours);
    }
}
