package org.relaydesk.escalation.clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the clocks of one ticket are derived from: its creation and the changes since, in the order
 * they happened (stable for equal instants). The first article, if any, is an {@link ArticleAdded}
 * at the creation instant. Built from {@code ticket.events}; the state history is the source of
 * truth for suspensions (SPEC section 6), never a stored counter.
 *
 * @param createdAt         creation instant
 * @param initialQueue      queue at creation
 * @param initialSla        SLA at creation, or null
 * @param initialStateName  state name at creation, e.g. {@code new}
 * @param initialStateType  its type
 * @param initiallyLocked   whether the ticket was created locked
 * @param changes           changes in order, each at or after creation
 */
public record TicketTimeline(
        Instant createdAt,
        String initialQueue,
        String initialSla,
        String initialStateName,
        StateType initialStateType,
        boolean initiallyLocked,
        List<Change> changes) {

    public TicketTimeline {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(initialStateType, "initialStateType");
        changes = List.copyOf(changes);
        for (Change c : changes) {
            if (c.at().isBefore(createdAt)) {
                throw new IllegalArgumentException("change before creation: " + c);
            }
        }
    }

    public static Builder builder(Instant createdAt, String queue) {
        return new Builder(createdAt, queue);
    }

    /** One change of a ticket. */
    public sealed interface Change permits ArticleAdded, StateChanged, TicketMoved, SlaChanged, LockChanged {
        Instant at();
    }

    /** An article (SPEC C2, D1, K2). */
    public record ArticleAdded(Instant at, SenderType sender, boolean visibleForCustomer, ArticleChannel channel)
            implements Change {
        /** A contact in the sense of D1: customer-visible, from an agent or a customer. */
        public boolean isContact() {
            return visibleForCustomer && sender != SenderType.SYSTEM;
        }
    }

    /** A state change; {@code pendingUntil} is the pending time of a pending state (J1), else null. */
    public record StateChanged(Instant at, String stateName, StateType stateType, Instant pendingUntil)
            implements Change {
    }

    /** A queue move (G2). */
    public record TicketMoved(Instant at, String queue) implements Change {
    }

    /** An SLA set, changed or removed (null) (G2). */
    public record SlaChanged(Instant at, String sla) implements Change {
    }

    /** Lock or unlock, including the lock an owner change sets (K2). */
    public record LockChanged(Instant at, boolean locked) implements Change {
    }

    /** Collects changes; {@link #build()} orders them by instant, keeping insertion order for ties. */
    public static final class Builder {
        private final Instant createdAt;
        private final String queue;
        private String sla;
        private String stateName = "new";
        private StateType stateType = StateType.NEW;
        private boolean locked;
        private final List<Change> changes = new ArrayList<>();

        private Builder(Instant createdAt, String queue) {
            this.createdAt = createdAt;
            this.queue = queue;
        }

        public Builder initialSla(String sla) {
            this.sla = sla;
            return this;
        }

        public Builder initialState(String name, StateType type) {
            this.stateName = name;
            this.stateType = type;
            return this;
        }

        public Builder initiallyLocked(boolean locked) {
            this.locked = locked;
            return this;
        }

        public Builder article(Instant at, SenderType sender, boolean visibleForCustomer, ArticleChannel channel) {
            changes.add(new ArticleAdded(at, sender, visibleForCustomer, channel));
            return this;
        }

        public Builder state(Instant at, String name, StateType type) {
            return state(at, name, type, null);
        }

        public Builder state(Instant at, String name, StateType type, Instant pendingUntil) {
            changes.add(new StateChanged(at, name, type, pendingUntil));
            return this;
        }

        public Builder move(Instant at, String queue) {
            changes.add(new TicketMoved(at, queue));
            return this;
        }

        public Builder sla(Instant at, String sla) {
            changes.add(new SlaChanged(at, sla));
            return this;
        }

        public Builder lock(Instant at) {
            changes.add(new LockChanged(at, true));
            return this;
        }

        public Builder unlock(Instant at) {
            changes.add(new LockChanged(at, false));
            return this;
        }

        public Builder change(Change change) {
            changes.add(change);
            return this;
        }

        public TicketTimeline build() {
            List<Change> sorted = new ArrayList<>(changes);
            sorted.sort(Comparator.comparing(Change::at)); // List.sort is stable
            return new TicketTimeline(createdAt, queue, sla, stateName, stateType, locked, sorted);
        }
    }
}
