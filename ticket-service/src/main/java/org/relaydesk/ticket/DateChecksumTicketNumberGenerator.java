package org.relaydesk.ticket;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.LongSupplier;

/**
 * The OTRS "DateChecksum" scheme: {@code yyyyMMdd} + system id + counter (at least five digits)
 * + one checksum digit, e.g. {@code 2013070410000731}. The counter comes from a source that never
 * repeats (a PostgreSQL sequence), so numbers stay unique under concurrency and across instances;
 * it is not reset per day.
 */
public final class DateChecksumTicketNumberGenerator implements TicketNumberGenerator {

    public static final String NAME = "date-checksum";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final String systemId;
    private final LongSupplier counter;
    private final Clock clock;

    public DateChecksumTicketNumberGenerator(String systemId, LongSupplier counter, Clock clock) {
        if (systemId == null || !systemId.matches("\\d{1,10}")) {
            throw new IllegalArgumentException("system id must be 1-10 digits: " + systemId);
        }
        this.systemId = systemId;
        this.counter = counter;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String next() {
        String base = LocalDate.now(clock).format(DATE) + systemId + String.format("%05d", counter.getAsLong());
        return base + checksum(base);
    }

    /** OTRS checksum: digits weighted 1,2,1,2,... summed, then {@code 10 - sum % 10} (10 becomes 1). */
    public static int checksum(String digits) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < digits.length(); i++) {
            sum += weight * (digits.charAt(i) - '0');
            weight = weight == 1 ? 2 : 1;
        }
        int check = 10 - sum % 10;
        return check == 10 ? 1 : check;
    }

    /** Whether a number carries a correct checksum digit. */
    public static boolean valid(String number) {
        return number != null && number.matches("\\d{15,}")
                && checksum(number.substring(0, number.length() - 1)) == number.charAt(number.length() - 1) - '0';
    }
}
