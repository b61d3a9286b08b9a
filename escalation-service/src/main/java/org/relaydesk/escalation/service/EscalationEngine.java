package org.relaydesk.escalation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.escalation.AutoUnlockDue;
import org.relaydesk.contracts.escalation.EscalationStopped;
import org.relaydesk.contracts.escalation.EscalationWarning;
import org.relaydesk.contracts.escalation.PendingAutoCloseDue;
import org.relaydesk.contracts.escalation.PendingReminderReached;
import org.relaydesk.contracts.escalation.TicketEscalated;
import org.relaydesk.escalation.calendar.BusinessCalendar;
import org.relaydesk.escalation.clock.ClockCalculator;
import org.relaydesk.escalation.clock.ClockKind;
import org.relaydesk.escalation.clock.ClockPolicy;
import org.relaydesk.escalation.clock.ClockResult;
import org.relaydesk.escalation.clock.ClockState;
import org.relaydesk.escalation.clock.StateType;
import org.relaydesk.escalation.clock.TicketClocks;
import org.relaydesk.escalation.clock.TicketTimeline;
import org.relaydesk.escalation.config.EscalationConfig;
import org.relaydesk.escalation.messaging.Outbox;
import org.relaydesk.escalation.repository.TicketEscalationEntity;
import org.relaydesk.escalation.timer.PendingTimers;
import org.relaydesk.escalation.timer.UnlockTimer;

/**
 * Recomputes one ticket (SPEC G1) inside the caller's transaction, with its row locked: clocks as of
 * now, edge-triggered events into the outbox (H3: warning, escalated, stopped; J2/J3 pending; K
 * unlock), and the ticket's timers replaced by its next fire instants. Idempotent: evaluating
 * twice at the same instant publishes nothing the second time, because the published edges are
 * stored on the row ({@code notices}, {@code reminder_last_at}, {@code *_requested_for}).
 */
@ApplicationScoped
public class EscalationEngine {

    private static final Logger LOG = Logger.getLogger(EscalationEngine.class);

    /** Which edge event was published last for a clock, and for which anchor. */
    public enum Level { NONE, WARNED, ESCALATED }

    public record Notice(Level level, Instant anchor) {
        static final Notice NONE = new Notice(Level.NONE, null);
    }

    /** A next fire instant of a ticket. */
    public record Timer(String kind, Instant fireAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    EscalationConfig config;

    private volatile ClockPolicy basePolicy;
    private volatile UnlockTimer unlockTimer;

    ClockPolicy basePolicy() {
        ClockPolicy p = basePolicy;
        if (p == null) {
            p = config.clockPolicy();
            basePolicy = p;
        }
        return p;
    }

    UnlockTimer unlockTimer() {
        UnlockTimer u = unlockTimer;
        if (u == null) {
            u = new UnlockTimer(config.unlockCounting(), UnlockTimer.DEFAULT_UNLOCK_STATE_TYPES);
            unlockTimer = u;
        }
        return u;
    }

    /** The clocks of a ticket as of {@code now}, without side effects (REST view); breach history kept. */
    public TicketClocks clocks(TicketEscalationEntity t, Instant now, DbSettingsSource source) {
        TicketTimeline timeline = TimelineCodec.decode(t.timeline);
        ClockPolicy policy = source.policy(basePolicy(), t.queueId, t.slaId);
        return new ClockCalculator(source, policy).compute(timeline, now).keepBreaches(readClocks(t.clocks));
    }

    /** Recomputes the ticket, publishes its edges and reschedules its timers; the row must be locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluate(TicketEscalationEntity t, Instant now, DbSettingsSource source) {
        evaluateAll(List.of(t), now, source);
    }

    /**
     * Recomputes the tickets (rows locked by the caller) as of {@code now}: their rows are flushed as one
     * JDBC batch, their edge events are one outbox insert, their timers one delete and one insert.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluateAll(List<TicketEscalationEntity> tickets, Instant now, DbSettingsSource source) {
        if (tickets.isEmpty()) {
            return;
        }
        List<Outbox.Pending> events = new ArrayList<>();
        Map<Long, List<Timer>> timers = new LinkedHashMap<>();
        for (TicketEscalationEntity t : tickets) {
            timers.put(t.ticketId, compute(t, now, source, events));
        }
        outbox.escalationEvents(events);
        em.flush();
        replaceTimers(tickets, timers);
    }

    private List<Timer> compute(TicketEscalationEntity t, Instant now, DbSettingsSource source, List<Outbox.Pending> events) {
        TicketTimeline timeline = TimelineCodec.decode(t.timeline);
        ClockPolicy policy = source.policy(basePolicy(), t.queueId, t.slaId);
        TicketClocks clocks = new ClockCalculator(source, policy).compute(timeline, now)
                .keepBreaches(readClocks(t.clocks));
        BusinessCalendar calendar = source.resolve(t.queueId, t.slaId).calendar();
        Map<ClockKind, Notice> notices = readNotices(t.notices);
        boolean active = !clocks.paused() && !clocks.closed();

        List<Timer> timers = new ArrayList<>();
        List<Object[]> stops = new ArrayList<>(); // kind, reason
        Instant signalDue = null;
        boolean unlockForEscalation = false;
        for (ClockKind kind : ClockKind.values()) {
            ClockResult c = clocks.clock(kind);
            Notice n = notices.getOrDefault(kind, Notice.NONE);
            if (n.level() != Level.NONE && !Objects.equals(n.anchor(), c.anchor())) {
                // the clock was switched off (G3) or the update clock started a new episode
                if (n.level() == Level.ESCALATED) {
                    stops.add(new Object[] {kind, c.state() == ClockState.NOT_CONFIGURED ? "NOT_CONFIGURED" : "MET"});
                }
                n = Notice.NONE;
            }
            if (n.level() == Level.ESCALATED && c.state() != ClockState.BREACHED) {
                stops.add(new Object[] {kind, stopReason(c.state())});
                n = new Notice(Level.NONE, c.anchor());
            }
            if (active) {
                if (c.state() == ClockState.BREACHED && n.level() != Level.ESCALATED) {
                    events.add(new Outbox.Pending(t.ticketId, EventTypes.TICKET_ESCALATED, new TicketEscalated(t.ticketId,
                            t.ticketNumber, kind.name(), c.anchor(), c.dueAt(), c.breachedAt(), t.queueId, t.slaId,
                            c.calendarId(), t.ownerId, t.locked, deliverFrom(calendar, now), businessDay(calendar, now))));
                    n = new Notice(Level.ESCALATED, c.anchor());
                    unlockForEscalation |= t.locked;
                } else if (n.level() == Level.NONE && c.isWarning(now)) {
                    events.add(new Outbox.Pending(t.ticketId, EventTypes.ESCALATION_WARNING, new EscalationWarning(t.ticketId,
                            t.ticketNumber, kind.name(), c.anchor(), c.warnAt(), c.dueAt(), t.queueId, t.slaId,
                            c.calendarId(), t.ownerId, t.locked, deliverFrom(calendar, now), businessDay(calendar, now))));
                    n = new Notice(Level.WARNED, c.anchor());
                }
            }
            if (n.level() == Level.WARNED && c.state() == ClockState.RUNNING
                    && (c.warnAt() == null || now.isBefore(c.warnAt()))) {
                n = new Notice(Level.NONE, c.anchor()); // the warning moved into the future (larger budget)
            }
            if (active && c.state() == ClockState.RUNNING) {
                if (n.level() == Level.NONE && c.warnAt() != null && now.isBefore(c.warnAt())) {
                    timers.add(new Timer(kind.name() + "_WARNING", c.warnAt()));
                }
                timers.add(new Timer(kind.name() + "_DUE", c.dueAt()));
                signalDue = signalDue == null || c.dueAt().isBefore(signalDue) ? c.dueAt() : signalDue;
            }
            notices.put(kind, n);
        }
        if (!stops.isEmpty()) {
            List<String> still = new ArrayList<>();
            notices.forEach((k, n) -> {
                if (n.level() == Level.ESCALATED) {
                    still.add(k.name());
                }
            });
            for (Object[] stop : stops) {
                events.add(new Outbox.Pending(t.ticketId, EventTypes.ESCALATION_STOPPED,
                        new EscalationStopped(t.ticketId, ((ClockKind) stop[0]).name(), (String) stop[1], List.copyOf(still))));
            }
        }

        StateType type = StateType.fromWire(t.stateType);
        // J3: pending reminder, in business hours, at most once per business day
        if (type == StateType.PENDING_REMINDER && t.pendingUntil != null) {
            Instant at = t.reminderLastAt == null ? PendingTimers.reminderDeliveryAt(t.pendingUntil, calendar)
                    : PendingTimers.nextReminderAfter(t.reminderLastAt, calendar);
            if (!now.isBefore(at)) {
                events.add(new Outbox.Pending(t.ticketId, EventTypes.PENDING_REMINDER_REACHED, new PendingReminderReached(
                        t.ticketId, t.ticketNumber, t.pendingUntil, t.stateName, t.queueId, calendar.id(), t.ownerId,
                        null, t.locked, t.reminderCount, deliverFrom(calendar, now), businessDay(calendar, now))));
                t.reminderLastAt = now;
                t.reminderCount++;
                at = PendingTimers.nextReminderAfter(now, calendar);
            }
            timers.add(new Timer("PENDING_REMINDER", at));
        }
        // J2: pending auto close at the pending time, no gating
        if (type == StateType.PENDING_AUTO && t.pendingUntil != null && !t.pendingUntil.equals(t.autoCloseRequestedFor)) {
            if (!now.isBefore(t.pendingUntil)) {
                events.add(new Outbox.Pending(t.ticketId, EventTypes.PENDING_AUTO_CLOSE_DUE,
                        new PendingAutoCloseDue(t.ticketId, t.pendingUntil, t.stateName)));
                t.autoCloseRequestedFor = t.pendingUntil;
            } else {
                timers.add(new Timer("PENDING_AUTO_CLOSE", t.pendingUntil));
            }
        }
        // K: auto-unlock after the queue's unlock timeout; escalated locked tickets are unlocked too (seed)
        int timeout = source.unlockTimeoutMinutes(t.queueId);
        Instant timerStart = UnlockTimer.timerStart(timeline, now);
        Instant unlockAt = timeout > 0 ? unlockTimer().unlockDueAt(timeline, now, timeout, calendar) : null;
        boolean unlockSent = false;
        if (unlockAt != null && !Objects.equals(timerStart, t.unlockRequestedFor)) {
            if (!now.isBefore(unlockAt)) {
                events.add(new Outbox.Pending(t.ticketId, EventTypes.AUTO_UNLOCK_DUE,
                        new AutoUnlockDue(t.ticketId, t.ownerId, "timeout", timerStart, timeout)));
                t.unlockRequestedFor = timerStart;
                unlockSent = true;
            } else {
                timers.add(new Timer("AUTO_UNLOCK", unlockAt));
            }
        }
        if (unlockForEscalation && !unlockSent) {
            events.add(new Outbox.Pending(t.ticketId, EventTypes.AUTO_UNLOCK_DUE,
                    new AutoUnlockDue(t.ticketId, t.ownerId, "escalated", null, 0)));
        }

        t.clocks = StoredJson.write(clocks);
        t.notices = StoredJson.write(notices);
        t.calendarId = calendar.id();
        t.closed = clocks.closed();
        t.escalationAt = clocks.escalationAt();
        t.signalDueAt = signalDue;
        t.updatedAt = Instant.now();
        LOG.debugf("ticket %s evaluated at %s: %s timers", (Object) t.ticketId, now, timers.size());
        return timers;
    }

    /** SPEC I3: notifications of this event wait for the ticket's calendar's business time. */
    private static Instant deliverFrom(BusinessCalendar calendar, Instant now) {
        return calendar.nextBusinessInstant(now);
    }

    /** SPEC I2: the business day (calendar-local date) the notification dedupe counts this event for. */
    private static String businessDay(BusinessCalendar calendar, Instant now) {
        return calendar.localDate(calendar.nextBusinessInstant(now)).toString();
    }

    private static String stopReason(ClockState state) {
        return switch (state) {
            case MET -> "MET";
            case CANCELLED_CLOSED -> "CLOSED";
            case NOT_CONFIGURED -> "NOT_CONFIGURED";
            case PAUSED -> "PAUSED";
            default -> "RESCHEDULED";
        };
    }

    /** Replaces the tickets' timers: one batch of deletes, one multi-row insert (the earliest instant per kind wins). */
    void replaceTimers(List<TicketEscalationEntity> tickets, Map<Long, List<Timer>> timers) {
        Long[] ids = tickets.stream().map(t -> t.ticketId).toArray(Long[]::new);
        List<Long> ticketIds = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> fireAts = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        for (TicketEscalationEntity t : tickets) {
            Map<String, Instant> earliest = new LinkedHashMap<>();
            for (Timer timer : timers.getOrDefault(t.ticketId, List.of())) {
                earliest.merge(timer.kind(), timer.fireAt(), (x, y) -> x.isBefore(y) ? x : y);
            }
            earliest.forEach((kind, at) -> {
                ticketIds.add(t.ticketId);
                kinds.add(kind);
                fireAts.add(at.toString());
                partitions.add(t.kafkaPartition);
            });
        }
        em.unwrap(Session.class).doWork(c -> {
            // one statement per ticket in one JDBC batch: an index lookup each, whatever the table's statistics
            // say (with "= any(array)" and stale statistics PostgreSQL scans the whole timer table)
            try (PreparedStatement delete = c.prepareStatement("delete from timer where ticket_id = ?")) {
                for (Long id : ids) {
                    delete.setLong(1, id);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            if (ticketIds.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = c.prepareStatement("insert into timer (ticket_id, kind, fire_at, kafka_partition) "
                    + "select * from unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::int[]) "
                    + "on conflict (ticket_id, kind) do update set fire_at = least(timer.fire_at, excluded.fire_at)")) {
                insert.setArray(1, c.createArrayOf("bigint", ticketIds.toArray()));
                insert.setArray(2, c.createArrayOf("text", kinds.toArray()));
                insert.setArray(3, c.createArrayOf("text", fireAts.toArray()));
                insert.setArray(4, c.createArrayOf("integer", partitions.toArray()));
                insert.executeUpdate();
            }
        });
    }

    /** The ticket's timers (REST view). */
    @SuppressWarnings("unchecked")
    public List<Timer> timers(long ticketId) {
        List<Object[]> rows = em.createNativeQuery("select kind, fire_at from timer where ticket_id = :id order by fire_at")
                .setParameter("id", ticketId).getResultList();
        List<Timer> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Timer((String) r[0], toInstant(r[1])));
        }
        return out;
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        } else if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        } else if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value);
    }

    static TicketClocks readClocks(String json) {
        if (json == null) {
            return null;
        }
        try {
            return StoredJson.read(json, TicketClocks.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("stored clocks unreadable, breach history of this ticket restarts: %s", e.getMessage());
            return null;
        }
    }

    static Map<ClockKind, Notice> readNotices(String json) {
        Map<ClockKind, Notice> map = new EnumMap<>(ClockKind.class);
        if (json != null) {
            try {
                map.putAll(StoredJson.read(json, new TypeReference<Map<ClockKind, Notice>>() { }));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored notices unreadable: " + e.getMessage(), e);
            }
        }
        return map;
    }
}
