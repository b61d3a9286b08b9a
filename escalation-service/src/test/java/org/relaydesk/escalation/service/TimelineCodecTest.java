package org.relaydesk.escalation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.Json;
import org.relaydesk.escalation.calendar.BusinessCalendar;
import org.relaydesk.escalation.clock.ArticleChannel;
import org.relaydesk.escalation.clock.ClockCalculator;
import org.relaydesk.escalation.clock.EscalationSettings;
import org.relaydesk.escalation.clock.SenderType;
import org.relaydesk.escalation.clock.SettingsSource;
import org.relaydesk.escalation.clock.StateType;
import org.relaydesk.escalation.clock.TicketClocks;
import org.relaydesk.escalation.clock.TicketTimeline;

/** The stored forms: timeline JSON and computed clocks JSON survive a round trip unchanged. */
class TimelineCodecTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void timelineRoundTrip() {
        TicketTimeline timeline = TicketTimeline.builder(T0, "7").initialSla("3").initialState("new", StateType.NEW)
                .initiallyLocked(true)
                .article(T0, SenderType.CUSTOMER, true, ArticleChannel.EMAIL)
                .state(T0.plusSeconds(60), "pending reminder", StateType.PENDING_REMINDER, T0.plusSeconds(3600))
                .move(T0.plusSeconds(120), "8").sla(T0.plusSeconds(130), null).unlock(T0.plusSeconds(140))
                .build();
        assertEquals(timeline, TimelineCodec.decode(TimelineCodec.encode(timeline)));
        // appending clamps a change before creation to the creation instant
        TicketTimeline appended = TimelineCodec.decode(TimelineCodec.append(TimelineCodec.encode(timeline),
                new TicketTimeline.LockChanged(T0.minusSeconds(5), true)));
        assertEquals(T0, appended.changes().get(appended.changes().size() - 1).at());
    }

    @Test
    void ticketServiceStateTypes() {
        assertEquals(StateType.PENDING_AUTO, TimelineCodec.stateType("pending auto close+"));
        assertEquals(StateType.PENDING_AUTO, TimelineCodec.stateType("pending auto close-"));
        assertEquals(StateType.CLOSED, TimelineCodec.stateType("closed unsuccessful"));
        assertEquals(StateType.PENDING_REMINDER, TimelineCodec.stateType("pending reminder"));
        assertEquals(StateType.MERGED, TimelineCodec.stateType("merged"));
    }

    @Test
    void clocksRoundTrip() throws Exception {
        BusinessCalendar cal = BusinessCalendar.builder("c", ZoneOffset.UTC)
                .window(EnumSet.allOf(DayOfWeek.class), "00:00", "24:00").build();
        SettingsSource source = new SettingsSource() {
            public Optional<EscalationSettings> queueSettings(String q) {
                return Optional.of(new EscalationSettings("c", 60, 30, 240, 50, 50, 80));
            }
            public Optional<EscalationSettings> slaSettings(String s) {
                return Optional.empty();
            }
            public BusinessCalendar calendar(String id) {
                return cal;
            }
            public BusinessCalendar defaultCalendar() {
                return cal;
            }
        };
        TicketTimeline timeline = TicketTimeline.builder(T0, "7")
                .article(T0, SenderType.CUSTOMER, true, ArticleChannel.EMAIL)
                .article(T0.plusSeconds(4000), SenderType.AGENT, true, ArticleChannel.EMAIL).build();
        TicketClocks clocks = new ClockCalculator(source).compute(timeline, T0.plusSeconds(5000));
        assertEquals(clocks, Json.MAPPER.readValue(Json.write(clocks), TicketClocks.class));
    }

    @Test
    void storedInstantsKeepTheirNanosecondsAndOldIsoRowsStillRead() {
        Instant precise = Instant.parse("2026-03-02T09:00:00.123456789Z");
        TicketTimeline timeline = TicketTimeline.builder(precise, "7").initialState("new", StateType.NEW)
                .article(precise.plusNanos(1), SenderType.CUSTOMER, true, ArticleChannel.EMAIL).build();
        String encoded = TimelineCodec.encode(timeline);
        assertTrue(encoded.contains("1772442000.123456789"), encoded);
        assertEquals(timeline, TimelineCodec.decode(encoded));
        // a row stored before instants were numbers
        String iso = "{\"createdAt\":\"2026-03-02T09:00:00.123456Z\",\"queue\":\"7\",\"stateName\":\"new\","
                + "\"stateType\":\"new\",\"locked\":false,\"changes\":[{\"k\":\"A\","
                + "\"at\":\"2026-03-02T09:05:00Z\",\"s\":\"CUSTOMER\",\"v\":true,\"c\":\"EMAIL\"}]}";
        TicketTimeline old = TimelineCodec.decode(iso);
        assertEquals(Instant.parse("2026-03-02T09:00:00.123456Z"), old.createdAt());
        assertEquals(Instant.parse("2026-03-02T09:05:00Z"), old.changes().get(0).at());
    }
}
