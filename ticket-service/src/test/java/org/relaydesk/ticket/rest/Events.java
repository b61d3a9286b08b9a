package org.relaydesk.ticket.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.testsupport.TopicRecorder;

/** Waits for the exact sequence of event types of one ticket on ticket.events. */
final class Events {

    private Events() {
    }

    /** Waits until the ticket's recorded events have exactly these types, in this order, and returns them. */
    static List<EventEnvelope> expect(TopicRecorder rec, long ticketId, String... types) {
        String key = Long.toString(ticketId);
        List<String> expected = List.of(types);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertEquals(expected, Api.types(rec.eventsOf(key))));
        return rec.eventsOf(key);
    }
}
