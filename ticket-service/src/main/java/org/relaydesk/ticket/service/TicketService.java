package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.ticket.TicketUpdated;
import org.relaydesk.contracts.ticket.TicketUpdated.FieldChange;
import org.relaydesk.ticket.ArticleKind;
import org.relaydesk.ticket.Channel;
import org.relaydesk.ticket.CustomerUser;
import org.relaydesk.ticket.Permission;
import org.relaydesk.ticket.Queue;
import org.relaydesk.ticket.SenderType;
import org.relaydesk.ticket.StateType;
import org.relaydesk.ticket.Ticket;
import org.relaydesk.ticket.TicketState;
import org.relaydesk.ticket.api.Requests;
import org.relaydesk.ticket.api.TicketView;
import org.relaydesk.ticket.config.TicketConfig;
import org.relaydesk.ticket.repository.CustomerUserRepository;

/**
 * The agent operations on one ticket: field updates, move, owner, responsible, lock, state,
 * pending, close, priority and customer. Each loads the ticket for update (If-Match checked),
 * checks the permission and the lock, applies its changes (history + events) and moves the
 * ticket's version on.
 */
@ApplicationScoped
public class TicketService {

    private static final Set<String> CLEARABLE = Set.of("typeId", "serviceId", "slaId");

    @Inject
    TicketLoader loader;
    @Inject
    Permissions permissions;
    @Inject
    Lookups lookups;
    @Inject
    TicketMutations mutations;
    @Inject
    TicketJournal journal;
    @Inject
    DynamicFieldService dynamicFields;
    @Inject
    ArticleWriter writer;
    @Inject
    TicketViews views;
    @Inject
    TicketConfig config;
    @Inject
    CustomerUserRepository customerUsers;

    @Transactional
    public TicketView update(Actor a, long id, Long version, Requests.UpdateTicket r) {
        Ticket t = writable(a, id, version, Permission.RW);
        List<String> clear = r.clear() == null ? List.of() : r.clear();
        for (int i = 0; i < clear.size(); i++) {
            if (!CLEARABLE.contains(clear.get(i))) {
                throw ProblemException.invalid("clear[" + i + "]", "only typeId, serviceId and slaId can be cleared");
            }
        }
        List<FieldChange> changes = new ArrayList<>();
        if (r.title() != null && !r.title().isBlank() && !r.title().strip().equals(t.title)) {
            changes.add(new FieldChange("title", t.title, r.title().strip()));
            t.title = r.title().strip();
        }
        Integer typeId = clear.contains("typeId") ? null : r.typeId() == null ? t.typeId : lookups.validType(r.typeId(), "typeId").id;
        Integer serviceId = clear.contains("serviceId") ? null
                : r.serviceId() == null ? t.serviceId : lookups.validService(r.serviceId(), "serviceId").id;
        Integer slaId = clear.contains("slaId") || (serviceId == null && r.slaId() == null) ? null
                : r.slaId() == null ? t.slaId : lookups.validSla(r.slaId(), serviceId, "slaId").id;
        if (slaId != null && r.slaId() == null && !Objects.equals(serviceId, t.serviceId)) {
            slaId = null; // the SLA belonged to the previous service
        }
        change(changes, "type", t.typeId, typeId, lookups.typeName(t.typeId), lookups.typeName(typeId));
        change(changes, "service", t.serviceId, serviceId, lookups.serviceName(t.serviceId), lookups.serviceName(serviceId));
        change(changes, "sla", t.slaId, slaId, lookups.slaName(t.slaId), lookups.slaName(slaId));
        t.typeId = typeId;
        t.serviceId = serviceId;
        t.slaId = slaId;
        for (FieldChange c : changes) {
            String type = switch (c.field()) {
                case "title" -> "TitleUpdate";
                case "type" -> "TypeUpdate";
                case "service" -> "ServiceUpdate";
                default -> "SLAUpdate";
            };
            journal.history(t, a, type, c.oldValue(), c.newValue(),
                    "Changed " + c.field() + " from \"" + c.oldValue() + "\" to \"" + c.newValue() + "\".");
        }
        if (!changes.isEmpty()) {
            journal.publish(t, EventTypes.TICKET_UPDATED, new TicketUpdated(t.id, changes, a.username(), t.typeId, t.serviceId, t.slaId));
        }
        dynamicFields.set(t, a, r.dynamicFields());
        return done(t, a);
    }

    private static void change(List<FieldChange> changes, String field, Integer oldId, Integer newId, String oldName,
            String newName) {
        if (!Objects.equals(oldId, newId)) {
            changes.add(new FieldChange(field, oldName, newName));
        }
    }

    @Transactional
    public TicketView move(Actor a, long id, Long version, Requests.Move r) {
        Ticket t = writable(a, id, version, Permission.MOVE_INTO);
        Queue target = lookups.validQueue(r.queueId(), "queueId");
        permissions.require(a, target, Permission.MOVE_INTO);
        mutations.move(t, a, lookups.queue(t.queueId), target);
        if (r.owner() != null && !r.owner().isBlank()) {
            permissions.require(a, target, Permission.OWNER);
            mutations.changeOwner(t, a, r.owner().strip());
        }
        note(t, a, "Moved", r.note());
        return done(t, a);
    }

    @Transactional
    public TicketView owner(Actor a, long id, Long version, Requests.Owner r) {
        Ticket t = writable(a, id, version, Permission.OWNER);
        mutations.changeOwner(t, a, r.owner().strip());
        return done(t, a);
    }

    @Transactional
    public TicketView responsible(Actor a, long id, Long version, Requests.Responsible r) {
        Ticket t = writable(a, id, version, Permission.RW);
        mutations.changeResponsible(t, a, TicketCreation.blankToNull(r.responsible()));
        return done(t, a);
    }

    /** Locks the ticket to the caller; a ticket locked by someone else is a 409. */
    @Transactional
    public TicketView lock(Actor a, long id, Long version) {
        Ticket t = loader.forUpdate(id, version);
        permissions.require(a, t, Permission.RW);
        mutations.lock(t, a, a.username());
        return done(t, a);
    }

    /** Unlocks; only the lock holder may, or an admin (force unlock). */
    @Transactional
    public TicketView unlock(Actor a, long id, Long version) {
        Ticket t = loader.forUpdate(id, version);
        permissions.require(a, t, Permission.RW);
        if (!a.isPrivileged()) {
            permissions.requireNotLockedByOther(a, t);
        }
        mutations.unlock(t, a, "manual");
        return done(t, a);
    }

    @Transactional
    public TicketView state(Actor a, long id, Long version, Requests.State r) {
        Ticket t = writable(a, id, version, Permission.RW);
        TicketState target = lookups.validState(r.state(), "state");
        requireSettable(target, "state");
        mutations.changeState(t, a, target, r.pendingUntil());
        note(t, a, "State changed", r.note());
        return done(t, a);
    }

    @Transactional
    public TicketView pending(Actor a, long id, Long version, Requests.Pending r) {
        Ticket t = writable(a, id, version, Permission.RW);
        TicketState target = lookups.validState(r.state() == null ? "pending reminder" : r.state(), "state");
        if (!target.type.isPending()) {
            throw ProblemException.invalid("state", "'" + target.name + "' is not a pending state");
        }
        Instant until = r.pendingUntil() != null ? r.pendingUntil() : Instant.now().plus(config.defaultPendingTime());
        mutations.changeState(t, a, target, until);
        note(t, a, "Pending", r.note());
        return done(t, a);
    }

    @Transactional
    public TicketView close(Actor a, long id, Long version, Requests.Close r) {
        Ticket t = writable(a, id, version, Permission.RW);
        TicketState target = lookups.validState(r.state() == null ? "closed successful" : r.state(), "state");
        if (target.type != StateType.CLOSED_SUCCESSFUL && target.type != StateType.CLOSED_UNSUCCESSFUL) {
            throw ProblemException.invalid("state", "'" + target.name + "' is not a closed state");
        }
        note(t, a, "Close", r.note());
        mutations.changeState(t, a, target, null);
        return done(t, a);
    }

    @Transactional
    public TicketView priority(Actor a, long id, Long version, Requests.Priority r) {
        Ticket t = writable(a, id, version, Permission.PRIORITY);
        mutations.changePriority(t, a, lookups.validPriority(r.priority(), "priority"));
        return done(t, a);
    }

    @Transactional
    public TicketView customer(Actor a, long id, Long version, Requests.Customer r) {
        Ticket t = writable(a, id, version, Permission.RW);
        String login = TicketCreation.blankToNull(r.customerUserId());
        String customerId = TicketCreation.blankToNull(r.customerId());
        if (login != null && customerId == null) {
            CustomerUser cu = customerUsers.findById(login);
            customerId = cu == null ? null : cu.customerId;
        }
        mutations.changeCustomer(t, a, login, customerId);
        return done(t, a);
    }

    /** Merged and removed are reached by merging and by the system, not set by hand. */
    static void requireSettable(TicketState target, String field) {
        if (target.type == StateType.MERGED) {
            throw ProblemException.invalid(field, "use the merge operation to merge tickets");
        }
    }

    /** Loads for update, checks the permission and that no one else holds the lock. */
    Ticket writable(Actor a, long id, Long version, Permission permission) {
        Ticket t = loader.forUpdate(id, version);
        permissions.require(a, t, permission);
        permissions.requireNotLockedByOther(a, t);
        return t;
    }

    /** Adds an internal note written alongside an action (move, state, close), if any. */
    void note(Ticket t, Actor a, String subject, String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        ArticleDraft d = new ArticleDraft(ArticleKind.NOTE, SenderType.AGENT, Channel.NOTE, false);
        d.subject = subject;
        d.bodyText = body;
        writer.write(t, a, d);
    }

    TicketView done(Ticket t, Actor a) {
        t.touch(a.username(), Instant.now());
        return views.view(t, a, false);
    }
}
