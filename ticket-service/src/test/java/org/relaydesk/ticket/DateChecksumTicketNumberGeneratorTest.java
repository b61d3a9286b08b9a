package org.relaydesk.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DateChecksumTicketNumberGeneratorTest {

    private static final Clock JULY_4_2013 = Clock.fixed(Instant.parse("2013-07-04T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void reproducesTheOtrsExampleNumber() {
        var generator = new DateChecksumTicketNumberGenerator("10", () -> 73, JULY_4_2013);
        assertEquals("2013070410000731", generator.next());
    }

    @Test
    void checksumDetectsASingleWrongDigit() {
        assertTrue(DateChecksumTicketNumberGenerator.valid("2013070410000731"));
        assertFalse(DateChecksumTicketNumberGenerator.valid("2013070410000732"));
        assertFalse(DateChecksumTicketNumberGenerator.valid("2013070410000831"));
    }

    @Test
    void counterGrowsBeyondFiveDigitsWithoutCollisions() {
        var generator = new DateChecksumTicketNumberGenerator("10", () -> 123456, JULY_4_2013);
        String number = generator.next();
        assertEquals("20130704101234563".length(), number.length());
        assertTrue(number.startsWith("2013070410123456"));
        assertTrue(DateChecksumTicketNumberGenerator.valid(number));
    }

    @Test
    void parallelCallersGetUniqueNumbers() throws InterruptedException {
        AtomicLong counter = new AtomicLong();
        var generator = new DateChecksumTicketNumberGenerator("10", counter::incrementAndGet, JULY_4_2013);
        Set<String> numbers = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 20_000; i++) {
            pool.submit(() -> numbers.add(generator.next()));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(20_000, numbers.size());
    }

    @Test
    void rejectsANonNumericSystemId() {
        assertThrows(IllegalArgumentException.class, () -> new DateChecksumTicketNumberGenerator("x1", () -> 1, JULY_4_2013));
    }
}
