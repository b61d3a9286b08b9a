package org.relaydesk.escalation.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A business-hours calendar: an IANA time zone, working windows per ISO weekday at minute
 * granularity, yearly ({@code MM-DD}) and one-time ({@code YYYY-MM-DD}) holidays (SPEC B1).
 *
 * <p>An instant is business time when its local date in the calendar zone is not a holiday and its
 * local time lies in one of that weekday's windows (B3). DST needs no special case (B4): the
 * business intervals of a local date are the <em>preimage</em> of its windows under the zone's
 * offset, computed per constant-offset segment (SPEC section 6). A window containing the
 * spring-forward gap is shorter by the gap, a window starting inside the gap opens when the clock
 * jumps, and during the fall-back overlap both passes count. Budgets are consumed in real
 * (elapsed) time.
 *
 * <p>The arithmetic steps interval by interval, never second by second. Business intervals are
 * computed once per UTC day and cached in the instance; an instance is immutable and thread-safe,
 * so a changed calendar is a new instance with an empty cache.
 *
 * <p>Internally everything is epoch milliseconds; results keep seconds (B2).
 */
public final class BusinessCalendar {

    /** Default horizon of {@link #add} and {@link #nextBusinessInstant}: about 11 years (B5 suggests 4000 days). */
    public static final int DEFAULT_HORIZON_DAYS = 4000;

    private static final long DAY_SECONDS = 86_400L;
    private static final long DAY_MILLIS = DAY_SECONDS * 1000L;
    /** Offsets never exceed ±18 h, so a local date's instants lie within this margin of its UTC day. */
    private static final long MAX_OFFSET_SECONDS = 18 * 3600L;
    private static final long[] EMPTY = new long[0];

    private final String id;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final boolean fixedOffset;
    /** Windows per ISO weekday (index 0 = Monday), sorted, touching windows merged. */
    private final WorkingWindow[][] week;
    private final Set<MonthDay> yearlyHolidays;
    private final Set<LocalDate> oneTimeHolidays;
    private final int horizonDays;

    private final ConcurrentHashMap<Long, long[]> localDayCache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, long[]> utcDayCache = new ConcurrentHashMap<>();

    private BusinessCalendar(Builder b) {
        this.id = b.id;
        this.zone = Objects.requireNonNull(b.zone, "a calendar needs an explicit IANA time zone (SPEC A4)");
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset();
        this.week = new WorkingWindow[7][];
        boolean any = false;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WorkingWindow> list = new ArrayList<>(b.windows.getOrDefault(day, List.of()));
            Collections.sort(list);
            List<WorkingWindow> merged = new ArrayList<>();
            for (WorkingWindow w : list) {
                if (!merged.isEmpty()) {
                    WorkingWindow last = merged.get(merged.size() - 1);
                    if (w.startMinute() < last.endMinute()) {
                        throw new CalendarConfigurationException(
                                "windows overlap on " + day + ": " + last + " and " + w + " (calendar " + id + ")");
                    }
                    if (w.startMinute() == last.endMinute()) {
                        merged.set(merged.size() - 1, new WorkingWindow(last.startMinute(), w.endMinute()));
                        continue;
                    }
                }
                merged.add(w);
            }
            week[day.getValue() - 1] = merged.toArray(new WorkingWindow[0]);
            any |= !merged.isEmpty();
        }
        if (!any) {
            throw new CalendarConfigurationException("calendar " + id + " has no working windows (SPEC B5)");
        }
        if (b.horizonDays < 7) {
            throw new CalendarConfigurationException("horizon must be at least 7 days: " + b.horizonDays);
        }
        this.yearlyHolidays = Set.copyOf(b.yearlyHolidays);
        this.oneTimeHolidays = Set.copyOf(b.oneTimeHolidays);
        this.horizonDays = b.horizonDays;
    }

    public static Builder builder(String id, ZoneId zone) {
        return new Builder(id, zone);
    }

    public String id() {
        return id;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The windows of a weekday, sorted (touching windows appear merged). */
    public List<WorkingWindow> windows(DayOfWeek day) {
        return List.of(week[day.getValue() - 1]);
    }

    public Set<MonthDay> yearlyHolidays() {
        return yearlyHolidays;
    }

    public Set<LocalDate> oneTimeHolidays() {
        return oneTimeHolidays;
    }

    public int horizonDays() {
        return horizonDays;
    }

    /** A holiday removes the whole local date (B1). */
    public boolean isHoliday(LocalDate date) {
        return oneTimeHolidays.contains(date) || (!yearlyHolidays.isEmpty() && yearlyHolidays.contains(MonthDay.from(date)));
    }

    /** The local date of an instant in the calendar zone: the "business day" of SPEC I2 deduplication. */
    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    // ---------------------------------------------------------------- membership (B3)

    /** Whether the instant is business time (B3 without suspensions). */
    public boolean isBusinessTime(Instant instant) {
        return isBusinessTime(instant, Suspensions.NONE);
    }

    /** Whether the instant is business time and not inside a suspension interval (B3). */
    public boolean isBusinessTime(Instant instant, Suspensions suspensions) {
        long t = instant.toEpochMilli();
        long[] iv = utcDay(Math.floorDiv(t, DAY_MILLIS));
        for (int i = 0; i < iv.length; i += 2) {
            if (t >= iv[i] && t < iv[i + 1]) {
                return !suspensions.contains(instant);
            }
        }
        return false;
    }

    /**
     * The earliest instant at or after {@code from} that is business time: where a notification held
     * back by business-hours gating is delivered (SPEC I3, J3).
     *
     * @throws BusinessTimeHorizonException if there is none within the horizon
     */
    public Instant nextBusinessInstant(Instant from) {
        long t = from.toEpochMilli();
        long day = Math.floorDiv(t, DAY_MILLIS);
        for (long last = day + horizonDays; day <= last; day++) {
            long[] iv = utcDay(day);
            for (int i = 0; i < iv.length; i += 2) {
                if (iv[i + 1] > t) {
                    return iv[i] <= t ? from : Instant.ofEpochMilli(iv[i]);
                }
            }
        }
        throw new BusinessTimeHorizonException("no business time within " + horizonDays + " days after " + from
                + " in calendar " + id);
    }

    // ---------------------------------------------------------------- add (B5)

    /** {@link #add(Instant, long, Suspensions)} with a budget given as a duration (whole seconds used). */
    public Instant add(Instant start, Duration budget, Suspensions suspensions) {
        if (budget.isNegative()) {
            throw new IllegalArgumentException("negative budget: " + budget);
        }
        return addMillis(start, budget.toMillis(), suspensions);
    }

    public Instant add(Instant start, Duration budget) {
        return add(start, budget, Suspensions.NONE);
    }

    /**
     * The earliest instant {@code t >= start} at which the business seconds in {@code [start, t)},
     * not counting suspension intervals, equal the budget (SPEC B5). The result may be a window end
     * (16:00 + 60 min is 17:00, not 09:00 the next day). A budget of 0 returns start.
     *
     * @param start         where counting starts; outside business time it begins at the next window
     * @param budgetSeconds business seconds to consume, at least 0
     * @param suspensions   intervals not consumed (F2); may end in an open-ended interval
     * @return the instant, or {@code null} if an open-ended suspension begins before the budget is used up
     *         (the clock is paused and has no due time, F3)
     * @throws BusinessTimeHorizonException if the walk passes the horizon (B5)
     */
    public Instant add(Instant start, long budgetSeconds, Suspensions suspensions) {
        if (budgetSeconds < 0) {
            throw new IllegalArgumentException("negative budget: " + budgetSeconds);
        }
        return addMillis(start, budgetSeconds * 1000L, suspensions);
    }

    /** Same as {@link #add(Instant, long, Suspensions)} with the budget in milliseconds (warning fractions). */
    public Instant addMillis(Instant start, long budgetMillis, Suspensions suspensions) {
        if (budgetMillis < 0) {
            throw new IllegalArgumentException("negative budget: " + budgetMillis + " ms");
        }
        if (budgetMillis == 0) {
            return start;
        }
        long cursor = start.toEpochMilli();
        long remaining = budgetMillis;
        int sn = suspensions.size();
        int si = suspensions.firstEndingAfter(cursor);
        long day = Math.floorDiv(cursor, DAY_MILLIS);
        long lastDay = day + horizonDays;
        while (day <= lastDay) {
            long[] iv = utcDay(day);
            for (int i = 0; i < iv.length; i += 2) {
                long a = Math.max(iv[i], cursor);
                long b = iv[i + 1];
                while (a < b) {
                    while (si < sn && suspensions.endAt(si) <= a) {
                        si++;
                    }
                    if (si < sn && suspensions.startAt(si) <= a) {
                        long resume = suspensions.endAt(si);
                        if (resume == Suspensions.OPEN_END) {
                            return null;
                        }
                        a = resume;
                        continue;
                    }
                    long segmentEnd = si < sn ? Math.min(b, suspensions.startAt(si)) : b;
                    long length = segmentEnd - a;
                    if (length >= remaining) {
                        return Instant.ofEpochMilli(a + remaining);
                    }
                    remaining -= length;
                    a = segmentEnd;
                }
                cursor = Math.max(cursor, a);
            }
            long cursorDay = Math.floorDiv(cursor, DAY_MILLIS);
            if (cursorDay > day + 1) {
                // a suspension carried us forward: jump, and do not charge the jump to the horizon
                lastDay += cursorDay - day - 1;
                day = cursorDay;
            } else {
                day++;
            }
        }
        throw new BusinessTimeHorizonException("budget of " + budgetMillis / 1000 + " s not used up within "
                + horizonDays + " days after " + start + " in calendar " + id);
    }

    // ---------------------------------------------------------------- between (B6)

    /** Business time in {@code [a, b)} minus suspension intervals (SPEC B6); zero if {@code b <= a}. */
    public Duration between(Instant a, Instant b, Suspensions suspensions) {
        return Duration.ofMillis(betweenMillis(a.toEpochMilli(), b.toEpochMilli(), suspensions));
    }

    public Duration between(Instant a, Instant b) {
        return between(a, b, Suspensions.NONE);
    }

    /** {@link #between(Instant, Instant, Suspensions)} in whole seconds (truncated). */
    public long betweenSeconds(Instant a, Instant b, Suspensions suspensions) {
        return betweenMillis(a.toEpochMilli(), b.toEpochMilli(), suspensions) / 1000L;
    }

    long betweenMillis(long from, long to, Suspensions suspensions) {
        if (to <= from) {
            return 0;
        }
        long total = 0;
        int sn = suspensions.size();
        int si = suspensions.firstEndingAfter(from);
        long lastDay = Math.floorDiv(to - 1, DAY_MILLIS);
        for (long day = Math.floorDiv(from, DAY_MILLIS); day <= lastDay; day++) {
            long[] iv = utcDay(day);
            for (int i = 0; i < iv.length; i += 2) {
                long lo = Math.max(iv[i], from);
                long hi = Math.min(iv[i + 1], to);
                if (lo >= hi) {
                    continue;
                }
                total += hi - lo;
                while (si < sn && suspensions.endAt(si) <= lo) {
                    si++;
                }
                for (int j = si; j < sn && suspensions.startAt(j) < hi; j++) {
                    total -= Math.min(hi, suspensions.endAt(j)) - Math.max(lo, suspensions.startAt(j));
                }
            }
        }
        return total;
    }

    // ---------------------------------------------------------------- intervals per date

    /** A business interval {@code [start, end)}. */
    public record BusinessInterval(Instant start, Instant end) {
        public Duration length() {
            return Duration.between(start, end);
        }
    }

    /** The business intervals of a local date (all instants whose local date is {@code date}), in order. */
    public List<BusinessInterval> businessIntervals(LocalDate date) {
        long[] iv = localDay(date.toEpochDay());
        List<BusinessInterval> out = new ArrayList<>(iv.length / 2);
        for (int i = 0; i < iv.length; i += 2) {
            out.add(new BusinessInterval(Instant.ofEpochMilli(iv[i]), Instant.ofEpochMilli(iv[i + 1])));
        }
        return out;
    }

    /** Business time of a local date: a 24×7 day is 23 h or 25 h on switch days (B4). */
    public Duration businessTimeOn(LocalDate date) {
        long[] iv = localDay(date.toEpochDay());
        long total = 0;
        for (int i = 0; i < iv.length; i += 2) {
            total += iv[i + 1] - iv[i];
        }
        return Duration.ofMillis(total);
    }

    /** Business intervals (epoch millis pairs) of the UTC day {@code epochDay}, sorted and merged. */
    private long[] utcDay(long epochDay) {
        long[] cached = utcDayCache.get(epochDay);
        if (cached == null) {
            cached = computeUtcDay(epochDay);
            utcDayCache.putIfAbsent(epochDay, cached);
        }
        return cached;
    }

    private long[] computeUtcDay(long epochDay) {
        long dayStart = epochDay * DAY_MILLIS;
        long dayEnd = dayStart + DAY_MILLIS;
        // an instant of UTC day d has a local date d-1, d or d+1 (|offset| <= 18 h); their intervals are disjoint
        long[] out = new long[16];
        int n = 0;
        for (long local = epochDay - 1; local <= epochDay + 1; local++) {
            long[] iv = localDay(local);
            for (int i = 0; i < iv.length; i += 2) {
                long a = Math.max(iv[i], dayStart);
                long b = Math.min(iv[i + 1], dayEnd);
                if (a < b) {
                    if (n + 2 > out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[n++] = a;
                    out[n++] = b;
                }
            }
        }
        return sortAndMerge(out, n);
    }

    private long[] localDay(long epochDay) {
        long[] cached = localDayCache.get(epochDay);
        if (cached == null) {
            cached = computeLocalDay(epochDay);
            localDayCache.putIfAbsent(epochDay, cached);
        }
        return cached;
    }

    /** The preimage of a local date's windows, per constant-offset segment (SPEC section 6). */
    private long[] computeLocalDay(long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        WorkingWindow[] windows = week[date.getDayOfWeek().getValue() - 1];
        if (windows.length == 0 || isHoliday(date)) {
            return EMPTY;
        }
        long localMidnight = epochDay * DAY_SECONDS;
        long lo = localMidnight - MAX_OFFSET_SECONDS;
        long hi = localMidnight + DAY_SECONDS + MAX_OFFSET_SECONDS;
        long[] out = new long[2 * windows.length + 4];
        int n = 0;
        long segmentStart = lo;
        ZoneOffset offset = fixedOffset ? rules.getOffset(Instant.EPOCH) : rules.getOffset(Instant.ofEpochSecond(lo));
        while (true) {
            long segmentEnd = hi;
            ZoneOffset next = null;
            if (!fixedOffset) {
                ZoneOffsetTransition tr = rules.nextTransition(Instant.ofEpochSecond(segmentStart));
                if (tr != null && tr.toEpochSecond() < hi) {
                    segmentEnd = tr.toEpochSecond();
                    next = tr.getOffsetAfter();
                }
            }
            int o = offset.getTotalSeconds();
            for (WorkingWindow w : windows) {
                long a = Math.max(localMidnight + w.startMinute() * 60L - o, segmentStart);
                long b = Math.min(localMidnight + w.endMinute() * 60L - o, segmentEnd);
                if (a < b) {
                    if (n + 2 > out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[n++] = a * 1000L;
                    out[n++] = b * 1000L;
                }
            }
            if (next == null) {
                break;
            }
            segmentStart = segmentEnd;
            offset = next;
        }
        return sortAndMerge(out, n);
    }

    /** Sorts pairs by start and merges touching or overlapping ones. */
    private static long[] sortAndMerge(long[] pairs, int n) {
        if (n == 0) {
            return EMPTY;
        }
        int count = n / 2;
        boolean sorted = true;
        for (int i = 1; i < count; i++) {
            if (pairs[2 * i] < pairs[2 * i - 2]) {
                sorted = false;
                break;
            }
        }
        if (!sorted) {
            long[][] tmp = new long[count][];
            for (int i = 0; i < count; i++) {
                tmp[i] = new long[] {pairs[2 * i], pairs[2 * i + 1]};
            }
            Arrays.sort(tmp, (x, y) -> Long.compare(x[0], y[0]));
            for (int i = 0; i < count; i++) {
                pairs[2 * i] = tmp[i][0];
                pairs[2 * i + 1] = tmp[i][1];
            }
        }
        int m = 0;
        for (int i = 0; i < count; i++) {
            long s = pairs[2 * i];
            long e = pairs[2 * i + 1];
            if (m > 0 && s <= pairs[m - 1]) {
                pairs[m - 1] = Math.max(pairs[m - 1], e);
            } else {
                pairs[m++] = s;
                pairs[m++] = e;
            }
        }
        return Arrays.copyOf(pairs, m);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("BusinessCalendar[").append(id).append(", ").append(zone);
        for (DayOfWeek d : DayOfWeek.values()) {
            WorkingWindow[] w = week[d.getValue() - 1];
            if (w.length > 0) {
                sb.append(", ").append(d.name(), 0, 3).append(' ').append(Arrays.toString(w));
            }
        }
        return sb.append(']').toString();
    }

    /** Builds a calendar; {@link #build()} validates it (B1, B5). */
    public static final class Builder {
        private final String id;
        private final ZoneId zone;
        private final Map<DayOfWeek, List<WorkingWindow>> windows = new EnumMap<>(DayOfWeek.class);
        private final Set<MonthDay> yearlyHolidays = new TreeSet<>();
        private final Set<LocalDate> oneTimeHolidays = new TreeSet<>();
        private int horizonDays = DEFAULT_HORIZON_DAYS;

        private Builder(String id, ZoneId zone) {
            this.id = id;
            this.zone = zone;
        }

        public Builder window(DayOfWeek day, WorkingWindow window) {
            windows.computeIfAbsent(day, d -> new ArrayList<>()).add(window);
            return this;
        }

        /** Adds {@code [start, end)} in {@code HH:MM}; {@code 24:00} is allowed as an end. */
        public Builder window(DayOfWeek day, String start, String end) {
            return window(day, WorkingWindow.of(start, end));
        }

        /** Adds the same window to several days. */
        public Builder window(Set<DayOfWeek> days, String start, String end) {
            days.forEach(d -> window(d, start, end));
            return this;
        }

        public Builder yearlyHoliday(MonthDay day) {
            yearlyHolidays.add(day);
            return this;
        }

        /** {@code MM-DD}. */
        public Builder yearlyHoliday(String mmdd) {
            return yearlyHoliday(MonthDay.parse("--" + mmdd));
        }

        public Builder oneTimeHoliday(LocalDate date) {
            oneTimeHolidays.add(date);
            return this;
        }

        /** {@code YYYY-MM-DD}. */
        public Builder oneTimeHoliday(String date) {
            return oneTimeHoliday(LocalDate.parse(date));
        }

        public Builder horizonDays(int days) {
            this.horizonDays = days;
            return this;
        }

        public BusinessCalendar build() {
            return new BusinessCalendar(this);
        }
    }
}
