package org.relaydesk.escalation.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relaydesk.escalation.calendar.BusinessCalendar;

/** Focused tests of the clock rules (SPEC C-H, L) beyond the worked cases. */
class ClockCalculatorTest {

    private static final BusinessCalendar OFFICE = BusinessCalendar.builder("A", ZoneId.of("Europe/Amsterdam"))
            .window(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "09:00", "17:00").build();
    private static final BusinessCalendar ALWAYS = BusinessCalendar.builder("B", ZoneId.of("Europe/Amsterdam"))
            .window(EnumSet.allOf(DayOfWeek.class), "00:00", "24:00").build();

    /** Settings in a map: queue and SLA records. */
    private static final class Settings implements SettingsSource {
        final Map<String, EscalationSettings> queues = new HashMap<>();
        final Map<String, EscalationSettings> slas = new HashMap<>();

        Settings queue(String name, EscalationSettings s) {
            queues.put(name, s);
            return this;
        }

        Settings sla(String name, EscalationSettings s) {
            slas.put(name, s);
            return this;
        }

        @Override
        public Optional<EscalationSettings> queueSettings(String queue) {
            return Optional.ofNullable(queues.get(queue));
        }

        @Override
        public Optional<EscalationSettings> slaSettings(String sla) {
            return Optional.ofNullable(slas.get(sla));
        }

        @Override
        public BusinessCalendar calendar(String id) {
            return switch (id) {
                case "A" -> OFFICE;
                case "B" -> ALWAYS;
                default -> throw new IllegalArgumentException(id);
            };
        }

        @Override
        public BusinessCalendar defaultCalendar() {
            return ALWAYS;
        }
    }

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static EscalationSettings budgets(String calendar, int frt, int upd, int sol) {
        return new EscalationSettings(calendar, frt, upd, sol, 0, 0, 0);
    }

    private static final Instant TUE_0900 = at("2025-03-04T09:00:00+01:00");

    private static TicketTimeline.Builder customerTicket(Instant created, String queue) {
        return TicketTimeline.builder(created, queue).article(created, SenderType.CUSTOMER, true, ArticleChannel.EMAIL);
    }

    @Test
    void breachedBeforeThePauseStaysBreached() { // F5
        ClockCalculator calc = new ClockCalculator(new Settings().queue("Q", budgets("A", 60, 0, 0)));
        TicketTimeline t = customerTicket(TUE_0900, "Q")
                .state(at("2025-03-04T10:30:00+01:00"), "pending reminder", StateType.PENDING_REMINDER).build();
        TicketClocks c = calc.compute(t, at("2025-03-04T12:00:00+01:00"));
        assertEquals(ClockState.BREACHED, c.firstResponse().state());
        assertEquals(at("2025-03-04T10:00:00+01:00"), c.firstResponse().dueAt());
        assertEquals(at("2025-03-04T10:00:00+01:00"), c.firstResponse().breachedAt());
        assertTrue(c.paused());
        assertNull(c.escalationAt(), "no escalation time while suspended (F3)");
    }

    @Test
    void pausedClockFreezesItsRemainderAndResumes() { // F3, F4
        ClockCalculator calc = new ClockCalculator(new Settings().queue("Q", budgets("A", 120, 0, 0)));
        TicketTimeline t = customerTicket(TUE_0900, "Q")
                .state(at("2025-03-04T09:45:00+01:00"), "pending auto close+", StateType.PENDING_AUTO)
                .state(at("2025-03-04T16:00:00+01:00"), "open", StateType.OPEN).build();
        TicketClocks paused = calc.compute(t, at("2025-03-04T11:00:00+01:00"));
        assertEquals(ClockState.PAUSED, paused.firstResponse().state());
        assertEquals(75 * 60L, paused.firstResponse().remainingBusinessSeconds());
        assertNull(paused.firstResponse().dueAt());
        TicketClocks resumed = calc.compute(t, at("2025-03-04T16:00:00+01:00"));
        assertEquals(ClockState.RUNNING, resumed.firstResponse().state());
        assertEquals(at("2025-03-05T09:15:00+01:00"), resumed.firstResponse().dueAt()); // 60 min Tue + 15 min Wed
        assertEquals(resumed.firstResponse().dueAt(), resumed.escalationAt());
    }

    @Test
    void moveRecomputesFromTheOriginalAnchorAndMayEscalateAtOnce() { // G2, T26
        ClockCalculator calc = new ClockCalculator(new Settings()
                .queue("Slow", budgets("A", 480, 0, 0)).queue("Fast", budgets("A", 60, 0, 0)));
        Instant moved = at("2025-03-04T11:00:00+01:00");
        TicketTimeline t = customerTicket(TUE_0900, "Slow").move(moved, "Fast").build();
        assertEquals(ClockState.RUNNING, calc.compute(t, moved.minusSeconds(1)).firstResponse().state());
        TicketClocks after = calc.compute(t, moved);
        assertEquals(ClockState.BREACHED, after.firstResponse().state());
        assertEquals(at("2025-03-04T10:00:00+01:00"), after.firstResponse().dueAt());
        assertEquals(after.firstResponse().dueAt(), after.escalationAt());
    }

    @Test
    void clockWithoutBudgetDisappearsButItsBreachIsKept() { // G3, G4
        ClockCalculator calc = new ClockCalculator(new Settings()
                .queue("Q1", budgets("A", 60, 0, 0)).queue("Q2", budgets("A", 0, 0, 480)));
        Instant moved = at("2025-03-04T11:00:00+01:00");
        TicketTimeline t = customerTicket(TUE_0900, "Q1").move(moved, "Q2").build();
        TicketClocks before = calc.compute(t, moved.minusSeconds(60));
        assertEquals(ClockState.BREACHED, before.firstResponse().state());
        TicketClocks after = calc.compute(t, moved).keepBreaches(before);
        assertEquals(ClockState.NOT_CONFIGURED, after.firstResponse().state());
        assertNull(after.firstResponse().dueAt());
        assertEquals(at("2025-03-04T10:00:00+01:00"), after.firstResponse().breachedAt());
        assertEquals(ClockState.RUNNING, after.solution().state());
    }

    @Test
    void slaWinsAsAWholeAndItsEmptyCalendarFallsBackToTheQueue() { // A2, A3 [R]
        ClockCalculator calc = new ClockCalculator(new Settings()
                .queue("Q", budgets("A", 240, 0, 0)).sla("Silver", budgets(null, 60, 0, 0)));
        Instant saturday = at("2025-03-08T10:00:00+01:00");
        TicketTimeline t = customerTicket(saturday, "Q").initialSla("Silver").build();
        TicketClocks c = calc.compute(t, saturday);
        assertEquals("A", c.calendarId());
        assertEquals(at("2025-03-10T10:00:00+01:00"), c.firstResponse().dueAt());
        // without the SLA: the queue (T28 note)
        TicketClocks q = calc.compute(customerTicket(saturday, "Q").build(), saturday);
        assertEquals(at("2025-03-10T13:00:00+01:00"), q.firstResponse().dueAt());
        // no settings at all: nothing configured, default calendar
        TicketClocks none = calc.compute(customerTicket(saturday, "Unknown").build(), saturday);
        assertEquals(ClockState.NOT_CONFIGURED, none.firstResponse().state());
        assertEquals("B", none.calendarId());
        assertNull(none.escalationAt());
    }

    @Test
    void warningMayLandOnAWindowEnd() { // H2
        ClockCalculator calc = new ClockCalculator(new Settings()
                .queue("Q", new EscalationSettings("A", 80, 0, 0, 50, 0, 0)));
        Instant created = at("2025-03-04T16:20:00+01:00");
        TicketClocks c = calc.compute(customerTicket(created, "Q").build(), created);
        assertEquals(at("2025-03-04T17:00:00+01:00"), c.firstResponse().warnAt());
        assertEquals(at("2025-03-05T09:40:00+01:00"), c.firstResponse().dueAt());
        assertFalse(c.firstResponse().isWarning(at("2025-03-04T16:59:59+01:00")));
        assertTrue(c.firstResponse().isWarning(at("2025-03-04T17:00:00+01:00")));
        assertFalse(c.firstResponse().isWarning(at("2025-03-05T09:40:00+01:00")));
    }

    @Test
    void escalationTimeIsTheEarliestCountingDueTime() { // H1, L
        ClockCalculator calc = new ClockCalculator(new Settings().queue("Q", budgets("A", 60, 120, 480)));
        TicketTimeline t = customerTicket(TUE_0900, "Q")
                .article(at("2025-03-04T09:30:00+01:00"), SenderType.AGENT, true, ArticleChannel.PHONE)
                .article(at("2025-03-04T11:00:00+01:00"), SenderType.CUSTOMER, true, ArticleChannel.WEB).build();
        TicketClocks early = calc.compute(t, at("2025-03-04T09:10:00+01:00"));
        assertEquals(at("2025-03-04T10:00:00+01:00"), early.escalationAt());
        assertEquals(ClockState.NOT_CONFIGURED, early.update().state(), "update not armed before the first response (D3)");
        TicketClocks answered = calc.compute(t, at("2025-03-04T10:00:00+01:00"));
        assertEquals(ClockState.MET, answered.firstResponse().state());
        assertEquals(30L, answered.firstResponse().businessMinutesToMet());
        assertEquals(ClockState.MET, answered.update().state());
        assertEquals(TUE_0900, answered.update().anchor());
        assertEquals(at("2025-03-04T09:30:00+01:00"), answered.update().metAt());
        assertEquals(at("2025-03-04T17:00:00+01:00"), answered.escalationAt()); // solution
        TicketClocks awaiting = calc.compute(t, at("2025-03-04T11:30:00+01:00"));
        assertEquals(at("2025-03-04T13:00:00+01:00"), awaiting.update().dueAt());
        assertEquals(at("2025-03-04T13:00:00+01:00"), awaiting.escalationAt());
    }

    @Test
    void onlyVisibleAgentArticlesOnResponseChannelsCount() { // C2, T20
        ClockCalculator calc = new ClockCalculator(new Settings().queue("Q", budgets("A", 60, 0, 0)));
        TicketTimeline t = customerTicket(TUE_0900, "Q")
                .article(at("2025-03-04T09:05:00+01:00"), SenderType.SYSTEM, true, ArticleChannel.EMAIL)
                .article(at("2025-03-04T09:10:00+01:00"), SenderType.AGENT, false, ArticleChannel.NOTE)
                .article(at("2025-03-04T09:15:00+01:00"), SenderType.AGENT, true, ArticleChannel.OTHER)
                .article(at("2025-03-04T09:20:00+01:00"), SenderType.CUSTOMER, true, ArticleChannel.PHONE).build();
        assertEquals(ClockState.RUNNING, calc.compute(t, at("2025-03-04T09:30:00+01:00")).firstResponse().state());
        ClockCalculator anyChannel = new ClockCalculator(new Settings().queue("Q", budgets("A", 60, 0, 0)),
                ClockPolicy.DEFAULT.withResponseChannels(EnumSet.allOf(ArticleChannel.class)));
        TicketClocks c = anyChannel.compute(t, at("2025-03-04T09:30:00+01:00"));
        assertEquals(at("2025-03-04T09:15:00+01:00"), c.firstResponse().metAt());
    }

    @Test
    void eventsAfterNowAreIgnored() {
        ClockCalculator calc = new ClockCalculator(new Settings().queue("Q", budgets("A", 60, 0, 0)));
        TicketTimeline t = customerTicket(TUE_0900, "Q")
                .article(at("2025-03-04T09:20:00+01:00"), SenderType.AGENT, true, ArticleChannel.EMAIL).build();
        assertEquals(ClockState.RUNNING, calc.compute(t, at("2025-03-04T09:19:59+01:00")).firstResponse().state());
        assertEquals(ClockState.MET, calc.compute(t, at("2025-03-04T09:20:00+01:00")).firstResponse().state());
    }

    @Test
    void lateResponseIsMetAndBreached() { // C5, G4
        ClockCalculator calc = new ClockCalculator(new Settings().queue("Q", budgets("A", 60, 0, 0)));
        TicketTimeline t = customerTicket(TUE_0900, "Q")
                .article(at("2025-03-04T11:00:00+01:00"), SenderType.AGENT, true, ArticleChannel.EMAIL).build();
        ClockResult fr = calc.compute(t, at("2025-03-04T12:00:00+01:00")).firstResponse();
        assertEquals(ClockState.MET, fr.state());
        assertEquals(at("2025-03-04T10:00:00+01:00"), fr.breachedAt());
        assertEquals(120L, fr.businessMinutesToMet());
        assertEquals(-60L, fr.diffInMinutes());
    }

    @Test
    void suspendedTimeDoesNotCountTowardsMinutesToMet() {
        ClockCalculator calc = new ClockCalculator(new Settings().queue("Q", budgets("A", 0, 0, 480)));
        TicketTimeline t = customerTicket(TUE_0900, "Q")
                .state(at("2025-03-04T10:00:00+01:00"), "pending reminder", StateType.PENDING_REMINDER)
                .state(at("2025-03-04T15:00:00+01:00"), "closed successful", StateType.CLOSED).build();
        ClockResult sol = calc.compute(t, at("2025-03-05T09:00:00+01:00")).solution();
        assertEquals(ClockState.MET, sol.state());
        assertEquals(60L, sol.businessMinutesToMet());
    }

    @Test
    void closedMergedAndReopened() { // F1, E2, E3, C3
        ClockCalculator calc = new ClockCalculator(new Settings().queue("Q", budgets("A", 60, 120, 480)));
        TicketTimeline t = customerTicket(TUE_0900, "Q")
                .state(at("2025-03-04T09:30:00+01:00"), "merged", StateType.MERGED).build();
        TicketClocks merged = calc.compute(t, at("2025-03-04T12:00:00+01:00"));
        assertTrue(merged.closed());
        assertEquals(ClockState.CANCELLED_CLOSED, merged.firstResponse().state());
        assertEquals(ClockState.CANCELLED_CLOSED, merged.solution().state());
        assertNull(merged.firstResponse().breachedAt());
        assertNull(merged.escalationAt());

        TicketTimeline reopened = customerTicket(TUE_0900, "Q")
                .state(at("2025-03-04T09:30:00+01:00"), "closed successful", StateType.CLOSED)
                .state(at("2025-03-04T09:40:00+01:00"), "open", StateType.OPEN).build();
        TicketClocks c = calc.compute(reopened, at("2025-03-04T09:50:00+01:00"));
        assertEquals(ClockState.MET, c.solution().state(), "solution met at the first close (E2, E3)");
        assertEquals(ClockState.RUNNING, c.firstResponse().state(), "no response yet: the clock still counts from creation");
        assertEquals(at("2025-03-04T10:00:00+01:00"), c.escalationAt());
    }

    @Test
    void otrsCompatibilityBlanksTheUpdateClockWhilePending() { // F6, T40
        ClockCalculator calc = new ClockCalculator(new Settings().queue("Q", budgets("A", 0, 120, 0)),
                ClockPolicy.OTRS_COMPATIBLE);
        TicketTimeline t = customerTicket(TUE_0900, "Q")
                .article(at("2025-03-04T09:30:00+01:00"), SenderType.AGENT, true, ArticleChannel.EMAIL)
                .state(at("2025-03-04T09:31:00+01:00"), "pending reminder", StateType.PENDING_REMINDER)
                .state(at("2025-03-05T10:00:00+01:00"), "open", StateType.OPEN).build();
        TicketClocks pending = calc.compute(t, at("2025-03-04T10:00:00+01:00"));
        assertNull(pending.update().dueAt());
        assertFalse(pending.paused(), "stock OTRS does not pause");
        TicketClocks left = calc.compute(t, at("2025-03-05T10:00:00+01:00"));
        assertEquals(at("2025-03-04T11:30:00+01:00"), left.update().dueAt(), "recomputed from the last contact");
        assertEquals(ClockState.BREACHED, left.update().state());
    }

    @Test
    void agentCadenceCountsFromTheLastAgentContact() { // D5
        ClockCalculator calc = new ClockCalculator(new Settings().queue("Q", budgets("A", 0, 120, 0)),
                ClockPolicy.DEFAULT.withUpdateMode(UpdateMode.AGENT_CADENCE));
        TicketTimeline t = customerTicket(TUE_0900, "Q")
                .article(at("2025-03-04T09:30:00+01:00"), SenderType.AGENT, true, ArticleChannel.EMAIL)
                .article(at("2025-03-04T10:00:00+01:00"), SenderType.CUSTOMER, true, ArticleChannel.EMAIL).build();
        assertEquals(at("2025-03-04T11:00:00+01:00"), calc.compute(t, TUE_0900).update().dueAt());
        assertEquals(at("2025-03-04T11:30:00+01:00"), calc.compute(t, at("2025-03-04T10:30:00+01:00")).update().dueAt());
    }
}
