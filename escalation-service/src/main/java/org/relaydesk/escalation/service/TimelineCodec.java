package org.relaydesk.escalation.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.relaydesk.escalation.clock.ArticleChannel;
import org.relaydesk.escalation.clock.SenderType;
import org.relaydesk.escalation.clock.StateType;
import org.relaydesk.escalation.clock.TicketTimeline;
import org.relaydesk.escalation.clock.TicketTimeline.ArticleAdded;
import org.relaydesk.escalation.clock.TicketTimeline.Change;
import org.relaydesk.escalation.clock.TicketTimeline.LockChanged;
import org.relaydesk.escalation.clock.TicketTimeline.SlaChanged;
import org.relaydesk.escalation.clock.TicketTimeline.StateChanged;
import org.relaydesk.escalation.clock.TicketTimeline.TicketMoved;

/**
 * Stores a {@link TicketTimeline} as compact JSON in {@code ticket_escalation.timeline}: one short
 * entry per change ({@code k}: A article, S state, M move, Q SLA, L lock).
 */
public final class TimelineCodec {

    private TimelineCodec() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Doc(Instant createdAt, String queue, String sla, String stateName, String stateType, boolean locked,
            List<Entry> changes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String k, Instant at, String s, Boolean v, String c, String n, String t, Instant p, String q,
            Boolean l) {
    }

    public static String encode(TicketTimeline timeline) {
        List<Entry> entries = new ArrayList<>(timeline.changes().size());
        for (Change change : timeline.changes()) {
            entries.add(entry(change));
        }
        Doc doc = new Doc(timeline.createdAt(), timeline.initialQueue(), timeline.initialSla(),
                timeline.initialStateName(), timeline.initialStateType().wireName(), timeline.initiallyLocked(), entries);
        return StoredJson.write(doc);
    }

    /** Appends one change to an encoded timeline; a change before creation is moved to the creation instant. */
    public static String append(String encoded, Change change) {
        TicketTimeline t = decode(encoded);
        List<Change> changes = new ArrayList<>(t.changes());
        changes.add(clamp(change, t.createdAt()));
        return encode(new TicketTimeline(t.createdAt(), t.initialQueue(), t.initialSla(), t.initialStateName(),
                t.initialStateType(), t.initiallyLocked(), changes));
    }

    public static TicketTimeline decode(String json) {
        Doc doc;
        try {
            doc = StoredJson.read(json, Doc.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored timeline: " + e.getMessage(), e);
        }
        List<Change> changes = new ArrayList<>(doc.changes() == null ? 0 : doc.changes().size());
        if (doc.changes() != null) {
            for (Entry e : doc.changes()) {
                changes.add(change(e));
            }
        }
        return new TicketTimeline(doc.createdAt(), doc.queue(), doc.sla(), doc.stateName(),
                StateType.fromWire(doc.stateType()), doc.locked(), changes);
    }

    private static Change clamp(Change c, Instant createdAt) {
        if (!c.at().isBefore(createdAt)) {
            return c;
        }
        if (c instanceof ArticleAdded a) {
            return new ArticleAdded(createdAt, a.sender(), a.visibleForCustomer(), a.channel());
        } else if (c instanceof StateChanged s) {
            return new StateChanged(createdAt, s.stateName(), s.stateType(), s.pendingUntil());
        } else if (c instanceof TicketMoved m) {
            return new TicketMoved(createdAt, m.queue());
        } else if (c instanceof SlaChanged s) {
            return new SlaChanged(createdAt, s.sla());
        } else if (c instanceof LockChanged l) {
            return new LockChanged(createdAt, l.locked());
        }
        throw new IllegalArgumentException("unknown change " + c);
    }

    private static Entry entry(Change change) {
        if (change instanceof ArticleAdded a) {
            return new Entry("A", a.at(), a.sender().name(), a.visibleForCustomer(), a.channel().name(), null, null,
                    null, null, null);
        } else if (change instanceof StateChanged s) {
            return new Entry("S", s.at(), null, null, null, s.stateName(), s.stateType().wireName(), s.pendingUntil(),
                    null, null);
        } else if (change instanceof TicketMoved m) {
            return new Entry("M", m.at(), null, null, null, null, null, null, m.queue(), null);
        } else if (change instanceof SlaChanged s) {
            return new Entry("Q", s.at(), null, null, null, null, null, null, s.sla(), null);
        } else if (change instanceof LockChanged l) {
            return new Entry("L", l.at(), null, null, null, null, null, null, null, l.locked());
        }
        throw new IllegalArgumentException("unknown change " + change);
    }

    private static Change change(Entry e) {
        return switch (e.k()) {
            case "A" -> new ArticleAdded(e.at(), SenderType.valueOf(e.s()), Boolean.TRUE.equals(e.v()),
                    ArticleChannel.valueOf(e.c()));
            case "S" -> new StateChanged(e.at(), e.n(), StateType.fromWire(e.t()), e.p());
            case "M" -> new TicketMoved(e.at(), e.q());
            case "Q" -> new SlaChanged(e.at(), e.q());
            case "L" -> new LockChanged(e.at(), Boolean.TRUE.equals(e.l()));
            default -> throw new IllegalStateException("unknown stored change kind " + e.k());
        };
    }

    /**
     * Maps a ticket-service state type ({@code pending auto close+}, {@code closed successful}, ...) onto
     * the escalation state types.
     */
    public static StateType stateType(String ticketStateType) {
        if (ticketStateType == null) {
            return StateType.OPEN;
        }
        String t = ticketStateType.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("pending auto")) {
            return StateType.PENDING_AUTO;
        }
        if (t.startsWith("closed")) {
            return StateType.CLOSED;
        }
        return StateType.fromWire(t);
    }
}
