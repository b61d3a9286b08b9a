package org.relaydesk.escalation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.ticket.ArticleAdded;
import org.relaydesk.contracts.ticket.OwnerChanged;
import org.relaydesk.contracts.ticket.PendingTimeSet;
import org.relaydesk.contracts.ticket.TicketCreated;
import org.relaydesk.contracts.ticket.TicketLocked;
import org.relaydesk.contracts.ticket.TicketMoved;
import org.relaydesk.contracts.ticket.TicketStateChanged;
import org.relaydesk.contracts.ticket.TicketUpdated;
import org.relaydesk.escalation.clock.ArticleChannel;
import org.relaydesk.escalation.clock.SenderType;
import org.relaydesk.escalation.clock.StateType;
import org.relaydesk.escalation.clock.TicketTimeline;
import org.relaydesk.escalation.messaging.ProcessedEvents;
import org.relaydesk.escalation.repository.TicketEscalationEntity;

/**
 * Applies {@code ticket.events} events, each once per event id, in one transaction per batch: records
 * the facts the clocks need on the tickets' rows and recomputes every ticket the batch changed once,
 * after its last event of the batch (SPEC G1: the clocks are a function of the ticket's history, so the
 * result is the one a recompute after each event would end with; only edges that a later event of the
 * same batch undoes, e.g. an escalation of an overdue new ticket answered in the same batch, are not
 * published).
 */
@ApplicationScoped
public class TicketEventService {

    private static final Logger LOG = Logger.getLogger(TicketEventService.class);
    /** Events that change a ticket this service already holds. */
    private static final Set<String> CHANGES = Set.of(EventTypes.ARTICLE_ADDED, EventTypes.TICKET_STATE_CHANGED,
            EventTypes.PENDING_TIME_SET, EventTypes.TICKET_MOVED, EventTypes.TICKET_UPDATED, EventTypes.TICKET_LOCKED,
            EventTypes.TICKET_UNLOCKED, EventTypes.OWNER_CHANGED, EventTypes.TICKET_MERGED, EventTypes.TICKET_DELETED);

    /** An event and the partition it came from (the partition owns the ticket's timers). */
    public record Incoming(EventEnvelope event, int partition) {
    }

    @Inject
    ProcessedEvents processed;
    @Inject
    EntityManager em;
    @Inject
    EscalationEngine engine;
    @Inject
    CalendarService calendars;
    @Inject
    TicketLocks locks;

    @Transactional
    public void apply(EventEnvelope event, int partition) {
        applyAll(List.of(new Incoming(event, partition)));
    }

    /**
     * Applies the events in their order in one transaction: one insert records their ids, one query
     * locks the rows of the tickets they change (in ticket id order), and the changed tickets are
     * recomputed together; events seen before are skipped.
     */
    @Transactional
    public void applyAll(List<Incoming> batch) {
        Set<UUID> fresh = processed.firstTime(batch.stream().map(Incoming::event).toList());
        if (fresh.isEmpty()) {
            LOG.debugf("%d events seen before, ignored", batch.size());
            return;
        }
        Set<Long> changed = new TreeSet<>();
        for (Incoming in : batch) {
            if (fresh.contains(in.event().id()) && CHANGES.contains(in.event().type())) {
                changed.add(ticketId(in.event()));
            }
        }
        Map<Long, TicketEscalationEntity> rows = locks.lockAll(changed);
        Map<Long, TicketEscalationEntity> touched = new LinkedHashMap<>();
        Map<Long, Instant> lastAt = new HashMap<>();
        for (Incoming in : batch) {
            EventEnvelope event = in.event();
            if (!fresh.remove(event.id())) {
                continue; // recorded before, or repeated within this batch
            }
            Instant at = event.occurredAt();
            TicketEscalationEntity t;
            if (EventTypes.TICKET_CREATED.equals(event.type())) {
                TicketCreated c = event.payloadAs(TicketCreated.class);
                if (rows.containsKey(c.ticketId()) || (t = created(c, in.partition(), at)) == null) {
                    continue;
                }
                rows.put(t.ticketId, t);
            } else if (CHANGES.contains(event.type())) {
                t = rows.get(ticketId(event));
                if (t == null) {
                    LOG.debugf("%s for a ticket never created here (%s) ignored", event.type(), event.aggregateId());
                    continue;
                }
                if (!change(t, event, at)) {
                    rows.remove(t.ticketId);
                    touched.remove(t.ticketId);
                    continue;
                }
            } else {
                continue; // priority, links, dynamic fields, ...: no clock depends on them
            }
            touched.put(t.ticketId, t);
            lastAt.merge(t.ticketId, at, (x, y) -> x.isAfter(y) ? x : y);
        }
        if (touched.isEmpty()) {
            return;
        }
        DbSettingsSource source = new DbSettingsSource(calendars);
        Instant now = Instant.now();
        List<TicketEscalationEntity> asOfNow = new ArrayList<>();
        for (TicketEscalationEntity t : touched.values()) {
            Instant at = lastAt.get(t.ticketId);
            if (at.isAfter(now)) {
                engine.evaluate(t, at, source); // an event stamped ahead of this clock: not before it
            } else {
                asOfNow.add(t);
            }
        }
        engine.evaluateAll(asOfNow, now, source);
    }

    private TicketEscalationEntity created(TicketCreated c, int partition, Instant at) {
        if (em.find(TicketEscalationEntity.class, c.ticketId()) != null) {
            return null;
        }
        TicketEscalationEntity t = new TicketEscalationEntity();
        t.ticketId = c.ticketId();
        t.ticketNumber = c.number();
        t.queueId = Long.toString(c.queueId());
        t.slaId = c.slaId() == null ? null : c.slaId().toString();
        t.stateName = c.state();
        StateType type = TimelineCodec.stateType(c.stateType());
        t.stateType = type.wireName();
        t.locked = c.locked();
        t.ownerId = c.ownerId();
        t.pendingUntil = c.pendingUntil();
        t.createdAt = c.createdAt() == null ? at : c.createdAt();
        t.kafkaPartition = partition;
        t.timeline = TimelineCodec.encode(TicketTimeline.builder(t.createdAt, t.queueId).initialSla(t.slaId)
                .initialState(c.state(), type).initiallyLocked(c.locked()).build());
        t.updatedAt = Instant.now();
        em.persist(t);
        return t;
    }

    /** Applies a change; false when the ticket's row is gone (deleted). */
    private boolean change(TicketEscalationEntity t, EventEnvelope event, Instant at) {
        switch (event.type()) {
            case EventTypes.ARTICLE_ADDED -> {
                ArticleAdded a = event.payloadAs(ArticleAdded.class);
                append(t, new TicketTimeline.ArticleAdded(a.createdAt() == null ? at : a.createdAt(),
                        sender(a.senderType()), a.visibleForCustomer(), ArticleChannel.fromWire(a.channel())));
            }
            case EventTypes.TICKET_STATE_CHANGED -> {
                TicketStateChanged s = event.payloadAs(TicketStateChanged.class);
                StateType type = TimelineCodec.stateType(s.newStateType());
                append(t, new TicketTimeline.StateChanged(at, s.newState(), type, s.pendingUntil()));
                setPending(t, type.isPending() ? s.pendingUntil() : null);
                t.stateName = s.newState();
                t.stateType = type.wireName();
            }
            case EventTypes.PENDING_TIME_SET -> setPending(t, event.payloadAs(PendingTimeSet.class).pendingUntil());
            case EventTypes.TICKET_MOVED -> {
                TicketMoved m = event.payloadAs(TicketMoved.class);
                t.queueId = Long.toString(m.newQueueId());
                append(t, new TicketTimeline.TicketMoved(at, t.queueId));
            }
            case EventTypes.TICKET_UPDATED -> {
                TicketUpdated u = event.payloadAs(TicketUpdated.class);
                if (u.changes() == null) {
                    return true;
                }
                boolean slaChanged = u.changes().stream().anyMatch(f -> "sla".equals(f.field()));
                if (slaChanged) {
                    // settings are keyed by SLA id: the payload carries the ticket's SLA id after the change
                    t.slaId = u.slaId() == null ? null : u.slaId().toString();
                    append(t, new TicketTimeline.SlaChanged(at, t.slaId));
                }
            }
            case EventTypes.TICKET_LOCKED -> {
                TicketLocked l = event.payloadAs(TicketLocked.class);
                t.locked = true;
                t.ownerId = l.owner() == null ? t.ownerId : l.owner();
                append(t, new TicketTimeline.LockChanged(at, true));
            }
            case EventTypes.TICKET_UNLOCKED -> {
                t.locked = false;
                append(t, new TicketTimeline.LockChanged(at, false));
            }
            case EventTypes.OWNER_CHANGED -> t.ownerId = event.payloadAs(OwnerChanged.class).newOwner();
            case EventTypes.TICKET_MERGED -> {
                if (!StateType.MERGED.wireName().equals(t.stateType)) {
                    append(t, new TicketTimeline.StateChanged(at, "merged", StateType.MERGED, null));
                    t.stateName = "merged";
                    t.stateType = StateType.MERGED.wireName();
                    setPending(t, null);
                }
            }
            case EventTypes.TICKET_DELETED -> {
                em.createNativeQuery("delete from timer where ticket_id = :id").setParameter("id", t.ticketId)
                        .executeUpdate();
                em.remove(t);
                return false;
            }
            default -> throw new IllegalStateException("unhandled " + event.type());
        }
        return true;
    }

    private static void setPending(TicketEscalationEntity t, Instant pendingUntil) {
        if (!Objects.equals(t.pendingUntil, pendingUntil)) {
            t.pendingUntil = pendingUntil;
            t.reminderLastAt = null; // a new pending time starts a new reminder series (J3)
            t.reminderCount = 0;
        }
    }

    private static void append(TicketEscalationEntity t, TicketTimeline.Change change) {
        t.timeline = TimelineCodec.append(t.timeline, change);
    }

    private static SenderType sender(String wire) {
        if (wire == null) {
            return SenderType.SYSTEM;
        }
        try {
            return SenderType.valueOf(wire.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return SenderType.SYSTEM;
        }
    }

    private static long ticketId(EventEnvelope event) {
        if (event.payload() != null && event.payload().hasNonNull("ticketId")) {
            return event.payload().get("ticketId").asLong();
        }
        return Long.parseLong(event.aggregateId());
    }
}
