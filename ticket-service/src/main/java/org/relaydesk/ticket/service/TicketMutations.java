package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.ticket.CustomerChanged;
import org.relaydesk.contracts.ticket.OwnerChanged;
import org.relaydesk.contracts.ticket.PendingTimeSet;
import org.relaydesk.contracts.ticket.PriorityChanged;
import org.relaydesk.contracts.ticket.ResponsibleChanged;
import org.relaydesk.contracts.ticket.TicketLocked;
import org.relaydesk.contracts.ticket.TicketMoved;
import org.relaydesk.contracts.ticket.TicketStateChanged;
import org.relaydesk.contracts.ticket.TicketUnlocked;
import org.relaydesk.ticket.Queue;
import org.relaydesk.ticket.StateType;
import org.relaydesk.ticket.Ticket;
import org.relaydesk.ticket.TicketState;
import org.relaydesk.ticket.config.TicketConfig;
import org.relaydesk.ticket.repository.TicketRepository;

/**
 * The single changes a ticket goes through, each with its history line and its event. Callers
 * have loaded the ticket for update and checked permissions and the lock; a change to the same
 * value is a no-op (no history, no event).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TicketMutations {

    static final List<StateType> OPEN_TYPES = Arrays.stream(StateType.values()).filter(StateType::isOpen).toList();

    @Inject
    TicketJournal journal;
    @Inject
    Lookups lookups;
    @Inject
    TicketConfig config;
    @Inject
    TicketRepository tickets;

    /** Sets state and pending time; closing unlocks the ticket, as in OTRS. */
    public void changeState(Ticket t, Actor a, TicketState target, Instant pendingUntil) {
        TicketState old = lookups.state(t.stateId);
        Instant newPending = target.type.isPending() ? pendingUntil : null;
        if (target.type.isPending() && newPending == null) {
            throw ProblemException.invalid("pendingUntil", "state '" + target.name + "' needs a pending time");
        }
        if (target.type.isClosed() && !old.type.isClosed() && config.parentCloseRequiresClosedChildren()
                && !tickets.openChildren(t.id, OPEN_TYPES).isEmpty()) {
            throw ProblemException.conflict("ticket " + t.id + " has open child tickets and cannot be closed");
        }
        boolean stateChanged = !old.id.equals(target.id);
        boolean pendingChanged = !Objects.equals(t.pendingUntil, newPending);
        if (!stateChanged && !pendingChanged) {
            return;
        }
        t.stateId = target.id;
        t.pendingUntil = newPending;
        if (target.type.isClosed()) {
            if (t.closedAt == null) {
                t.closedAt = Instant.now();
            }
        } else {
            t.closedAt = null;
        }
        if (stateChanged) {
            journal.history(t, a, "StateUpdate", old.name, target.name,
                    "Changed state from \"" + old.name + "\" to \"" + target.name + "\".");
            journal.publish(t, EventTypes.TICKET_STATE_CHANGED, new TicketStateChanged(t.id, old.name, old.type.code(),
                    target.name, target.type.code(), newPending, t.closedAt, a.username()));
        }
        if (pendingChanged) {
            journal.history(t, a, "SetPendingTime", null, newPending,
                    newPending == null ? "Cleared the pending time." : "Set pending time to " + newPending + ".");
            journal.publish(t, EventTypes.PENDING_TIME_SET,
                    new PendingTimeSet(t.id, newPending, target.name, target.type.code(), a.username()));
        }
        if (target.type.isClosed() && t.locked) {
            unlock(t, a, "close");
        }
    }

    public void move(Ticket t, Actor a, Queue from, Queue to) {
        if (from.id.equals(to.id)) {
            return;
        }
        t.queueId = to.id;
        journal.history(t, a, "Move", from.name, to.name,
                "Moved from queue \"" + from.name + "\" to \"" + to.name + "\".");
        journal.publish(t, EventTypes.TICKET_MOVED, new TicketMoved(t.id, from.id, from.name, to.id, to.name, a.username()));
        if (to.name.equalsIgnoreCase(config.junk().queue())) {
            changeState(t, a, lookups.validState(config.junk().closeState(), "relaydesk.ticket.junk.close-state"), null);
        }
    }

    public void changeOwner(Ticket t, Actor a, String owner) {
        if (Objects.equals(t.owner, owner)) {
            return;
        }
        String old = t.owner;
        t.owner = owner;
        journal.history(t, a, "OwnerUpdate", old, owner, "New owner is \"" + owner + "\".");
        journal.publish(t, EventTypes.OWNER_CHANGED, new OwnerChanged(t.id, old, owner, a.username()));
    }

    public void changeResponsible(Ticket t, Actor a, String responsible) {
        if (Objects.equals(t.responsible, responsible)) {
            return;
        }
        String old = t.responsible;
        t.responsible = responsible;
        journal.history(t, a, "ResponsibleUpdate", old, responsible, "New responsible is \"" + responsible + "\".");
        journal.publish(t, EventTypes.RESPONSIBLE_CHANGED, new ResponsibleChanged(t.id, old, responsible, a.username()));
    }

    /** Locks the ticket to the given agent, who becomes its owner. */
    public void lock(Ticket t, Actor a, String agent) {
        if (t.locked && agent.equals(t.owner)) {
            return;
        }
        if (t.locked) {
            throw ProblemException.lockedByOther(t.id, t.owner);
        }
        t.locked = true;
        journal.history(t, a, "Lock", "unlock", "lock", "Locked ticket for " + agent + ".");
        journal.publish(t, EventTypes.TICKET_LOCKED, new TicketLocked(t.id, agent, a.username()));
        changeOwner(t, a, agent);
    }

    public void unlock(Ticket t, Actor a, String reason) {
        if (!t.locked) {
            return;
        }
        t.locked = false;
        journal.history(t, a, "Unlock", "lock", "unlock", "Unlocked ticket (" + reason + ").");
        journal.publish(t, EventTypes.TICKET_UNLOCKED, new TicketUnlocked(t.id, t.owner, reason, a.username()));
    }

    public void changePriority(Ticket t, Actor a, int priority) {
        if (t.priority == priority) {
            return;
        }
        int old = t.priority;
        t.priority = priority;
        journal.history(t, a, "PriorityUpdate", lookups.priorityName(old), lookups.priorityName(priority),
                "Changed priority from \"" + lookups.priorityName(old) + "\" to \"" + lookups.priorityName(priority) + "\".");
        journal.publish(t, EventTypes.PRIORITY_CHANGED, new PriorityChanged(t.id, old, priority, a.username()));
    }

    public void changeCustomer(Ticket t, Actor a, String customerUserId, String customerId) {
        if (Objects.equals(t.customerUserId, customerUserId) && Objects.equals(t.customerId, customerId)) {
            return;
        }
        String oldUser = t.customerUserId;
        String oldCustomer = t.customerId;
        t.customerUserId = customerUserId;
        t.customerId = customerId;
        journal.history(t, a, "CustomerUpdate", oldUser + "/" + oldCustomer, customerUserId + "/" + customerId,
                "Customer set to " + customerUserId + " (" + customerId + ").");
        journal.publish(t, EventTypes.CUSTOMER_CHANGED,
                new CustomerChanged(t.id, oldUser, oldCustomer, customerUserId, customerId, a.username()));
    }
}
