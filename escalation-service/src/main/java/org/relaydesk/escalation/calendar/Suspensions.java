package org.relaydesk.escalation.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Suspension intervals {@code [enter, leave)} of one ticket (SPEC F2), sorted and merged. Business
 * time inside them is not consumed. The last interval may be open-ended (the ticket is suspended
 * now): its end is {@link #OPEN_END}.
 *
 * <p>Immutable; internally epoch milliseconds.
 */
public final class Suspensions {

    /** End of an interval that has not ended yet. */
    public static final long OPEN_END = Long.MAX_VALUE;

    public static final Suspensions NONE = new Suspensions(new long[0]);

    /** Pairs {@code start0, end0, start1, end1, ...}, sorted, non-overlapping, non-adjacent. */
    private final long[] bounds;

    private Suspensions(long[] bounds) {
        this.bounds = bounds;
    }

    /** Collects intervals in any order; overlapping or touching ones are merged. */
    public static Builder builder() {
        return new Builder();
    }

    public static Suspensions of(Instant enter, Instant leave) {
        return builder().add(enter, leave).build();
    }

    public boolean isEmpty() {
        return bounds.length == 0;
    }

    public int size() {
        return bounds.length / 2;
    }

    /** Whether the last interval has no end (the ticket is suspended now). */
    public boolean isOpenEnded() {
        return bounds.length > 0 && bounds[bounds.length - 1] == OPEN_END;
    }

    /** Start of the open-ended interval, or null. */
    public Instant openSince() {
        return isOpenEnded() ? Instant.ofEpochMilli(bounds[bounds.length - 2]) : null;
    }

    long startAt(int index) {
        return bounds[2 * index];
    }

    long endAt(int index) {
        return bounds[2 * index + 1];
    }

    /** Index of the first interval whose end lies after {@code millis} (may be {@link #size()}). */
    int firstEndingAfter(long millis) {
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (endAt(mid) <= millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public boolean contains(Instant instant) {
        long t = instant.toEpochMilli();
        int i = firstEndingAfter(t);
        return i < size() && startAt(i) <= t;
    }

    /** The intervals as instant pairs (an open end is null), for display and tests. */
    public List<Instant[]> intervals() {
        List<Instant[]> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(new Instant[] {Instant.ofEpochMilli(startAt(i)),
                    endAt(i) == OPEN_END ? null : Instant.ofEpochMilli(endAt(i))});
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Suspensions other && Arrays.equals(bounds, other.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Suspensions[");
        for (int i = 0; i < size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(Instant.ofEpochMilli(startAt(i))).append("..")
                    .append(endAt(i) == OPEN_END ? "open" : Instant.ofEpochMilli(endAt(i)).toString());
        }
        return sb.append(']').toString();
    }

    /** Collects intervals; {@link #build()} sorts and merges them. */
    public static final class Builder {
        private long[] pairs = new long[8];
        private int count;

        /** Adds {@code [enter, leave)}; a null leave means open-ended. Empty intervals are ignored. */
        public Builder add(Instant enter, Instant leave) {
            return addMillis(enter.toEpochMilli(), leave == null ? OPEN_END : leave.toEpochMilli());
        }

        public Builder addOpen(Instant enter) {
            return addMillis(enter.toEpochMilli(), OPEN_END);
        }

        Builder addMillis(long start, long end) {
            if (end <= start) {
                return this;
            }
            if (2 * count + 2 > pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[2 * count] = start;
            pairs[2 * count + 1] = end;
            count++;
            return this;
        }

        public Suspensions build() {
            if (count == 0) {
                return NONE;
            }
            Integer[] order = new Integer[count];
            boolean sorted = true;
            for (int i = 0; i < count; i++) {
                order[i] = i;
                if (i > 0 && pairs[2 * i] < pairs[2 * i - 2]) {
                    sorted = false;
                }
            }
            if (!sorted) {
                Arrays.sort(order, (a, b) -> Long.compare(pairs[2 * a], pairs[2 * b]));
            }
            long[] merged = new long[2 * count];
            int n = 0;
            for (int k = 0; k < count; k++) {
                long s = pairs[2 * order[k]];
                long e = pairs[2 * order[k] + 1];
                if (n > 0 && s <= merged[2 * n - 1]) {
                    merged[2 * n - 1] = Math.max(merged[2 * n - 1], e);
                } else {
                    merged[2 * n] = s;
                    merged[2 * n + 1] = e;
                    n++;
                }
            }
            return new Suspensions(Arrays.copyOf(merged, 2 * n));
        }
    }
}
