package org.relaydesk.notification.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.notification.NotificationKind;
import org.relaydesk.notification.TicketView;
import org.relaydesk.notification.repository.PreferenceRepository;
import org.relaydesk.notification.service.NotificationDispatcher;
import org.relaydesk.notification.service.PushEvent;
import org.relaydesk.notification.service.QueueReaders;

/**
 * Applies one event in one transaction: records its id (idempotency), updates the ticket read
 * model, picks recipients (seed and SPEC I1/J3; a queue's followers only if they may read the
 * queue, and for escalations only if they may write it, else every known rw agent, see
 * {@link QueueReaders}), delivers through {@link NotificationDispatcher}
 * and stores a ticket change hint. Returns what to push live once the transaction committed.
 * Payloads are read as JSON, defensively, so that new fields or an unknown event type never break
 * the consumer.
 */
@ApplicationScoped
public class EventApplier {

    private static final Logger LOG = Logger.getLogger(EventApplier.class);

    @Inject
    EntityManager em;

    @Inject
    PreferenceRepository preferences;

    @Inject
    NotificationDispatcher dispatcher;

    @Inject
    Clock clock;

    @Inject
    PushFanout fanout;

    @Inject
    QueueReaders queueReaders;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<PushEvent> apply(EventEnvelope event) {
        List<PushEvent> pushes = applyInTransaction(event);
        fanout.announce(pushes);
        return pushes;
    }

    private List<PushEvent> applyInTransaction(EventEnvelope event) {
        List<PushEvent> pushes = new ArrayList<>();
        if (!firstTime(event)) {
            return pushes;
        }
        JsonNode p = event.payload();
        Long ticketId = ticketId(event, p);
        if (ticketId == null) {
            return pushes;
        }
        if (EventTypes.TICKET_DELETED.equals(event.type())) {
            TicketView.deleteById(ticketId);
            hint(ticketId, event.type(), pushes);
            return pushes;
        }
        TicketView v = TicketView.findById(ticketId);
        if (v == null) {
            v = new TicketView();
            v.ticketId = ticketId;
        }
        v.updatedAt = clock.instant();
        String actor = firstText(p, "changedBy", "createdBy", "actor");
        switch (event.type()) {
            case EventTypes.TICKET_CREATED -> {
                v.number = text(p, "number");
                v.title = text(p, "title");
                v.queueId = lng(p, "queueId");
                v.queueName = text(p, "queueName");
                v.owner = text(p, "ownerId");
                v.responsible = text(p, "responsible");
                v.locked = p.path("locked").asBoolean(false);
                v.stateType = text(p, "stateType");
                v.firstArticlePending = true;
                v.persist();
                if (v.queueId != null) {
                    dispatcher.notify(NotificationKind.NEW_TICKET, null, v, queueFollowers(v.queueId), actor, pushes);
                }
            }
            case EventTypes.ARTICLE_ADDED -> {
                boolean creation = v.firstArticlePending;
                v.firstArticlePending = false;
                if (v.number == null) {
                    v.number = text(p, "ticketNumber");
                }
                v.persist();
                // A customer follow-up matters even on a closed ticket (it reopens or is rejected there).
                if (!creation && "customer".equals(text(p, "senderType"))) {
                    dispatcher.notify(NotificationKind.FOLLOW_UP, null, v, ownerOr(v, this::queueFollowers), actor,
                            pushes);
                }
            }
            case EventTypes.TICKET_MOVED -> {
                v.queueId = lng(p, "newQueueId");
                v.queueName = text(p, "newQueueName");
                v.persist();
                if (v.queueId != null && !v.isFinished()) {
                    dispatcher.notify(NotificationKind.TICKET_MOVED, null, v, queueFollowers(v.queueId), actor,
                            pushes);
                }
            }
            case EventTypes.OWNER_CHANGED -> {
                v.owner = text(p, "newOwner");
                v.persist();
                if (v.owner != null) {
                    dispatcher.notify(NotificationKind.OWNER_SET, null, v, List.of(v.owner), actor, pushes);
                }
            }
            case EventTypes.RESPONSIBLE_CHANGED -> {
                v.responsible = text(p, "newResponsible");
                v.persist();
                if (v.responsible != null) {
                    dispatcher.notify(NotificationKind.RESPONSIBLE_SET, null, v, List.of(v.responsible), actor, pushes);
                }
            }
            case EventTypes.TICKET_LOCKED -> {
                v.locked = true;
                if (text(p, "owner") != null) {
                    v.owner = text(p, "owner");
                }
                v.persist();
            }
            case EventTypes.TICKET_UNLOCKED -> {
                v.locked = false;
                v.persist();
                String holder = text(p, "owner") != null ? text(p, "owner") : v.owner;
                if ("timeout".equals(text(p, "reason")) && holder != null) {
                    dispatcher.notify(NotificationKind.LOCK_TIMEOUT, null, v, List.of(holder), actor, pushes);
                }
            }
            case EventTypes.TICKET_STATE_CHANGED -> {
                v.stateType = text(p, "newStateType");
                v.persist();
            }
            case EventTypes.PENDING_TIME_SET -> {
                if (text(p, "stateType") != null) {
                    v.stateType = text(p, "stateType");
                }
                v.persist();
            }
            case EventTypes.TICKET_MERGED -> {
                v.stateType = "merged";
                v.persist();
            }
            case EventTypes.TICKET_UPDATED -> {
                for (JsonNode change : p.path("changes")) {
                    if ("title".equals(text(change, "field"))) {
                        v.title = text(change, "newValue");
                    }
                }
                v.persist();
            }
            case EventTypes.ESCALATION_WARNING, EventTypes.TICKET_ESCALATED -> {
                fillFromEscalation(v, p);
                v.persist();
                if (!v.isFinished() && !v.isPending()) { // SPEC I4
                    NotificationKind kind = EventTypes.ESCALATION_WARNING.equals(event.type())
                            ? NotificationKind.ESCALATION_WARNING : NotificationKind.ESCALATION;
                    dispatcher.notify(kind, firstText(p, "clock", "kind"), v, ownerOr(v, this::queueWriters), null,
                            pushes, gate(p));
                }
            }
            case EventTypes.PENDING_REMINDER_REACHED -> {
                fillFromEscalation(v, p);
                if (v.responsible == null) {
                    v.responsible = text(p, "responsible");
                }
                v.persist();
                if (!v.isFinished()) {
                    // SPEC J3: locked: owner and responsible; unlocked: also the queue's agents.
                    Set<String> to = new LinkedHashSet<>();
                    to.add(v.owner);
                    to.add(v.responsible);
                    if (!v.locked && v.queueId != null) {
                        to.addAll(queueFollowers(v.queueId));
                    }
                    dispatcher.notify(NotificationKind.PENDING_REMINDER, null, v, to, null, pushes, gate(p));
                }
            }
            default -> v.persist();
        }
        hint(ticketId, event.type(), pushes);
        return pushes;
    }

    /**
     * SPEC I2/I3 with the ticket's calendar: escalation-service puts the first business instant and its
     * business day into the event; events without them fall back to the configured business window.
     */
    private static NotificationDispatcher.BusinessGate gate(JsonNode p) {
        String from = text(p, "deliverFrom");
        String day = text(p, "businessDay");
        if (from == null || day == null) {
            return null;
        }
        try {
            return new NotificationDispatcher.BusinessGate(Instant.parse(from), LocalDate.parse(day));
        } catch (java.time.format.DateTimeParseException e) {
            LOG.warnf("unreadable business gate in an escalation event (%s, %s): the configured window applies", from, day);
            return null;
        }
    }

    /** The agents with the queue in My Queues who may read it (QueueReaders). */
    private List<String> queueFollowers(long queueId) {
        return queueReaders.mayRead(queueId, preferences.followers(queueId));
    }

    /**
     * SPEC I1 for escalations: the queue's followers with rw on it, or, when none has, every agent
     * known to this service with rw on it (QueueReaders#escalationRecipients; only agents whose
     * groups are stored here can be reached by that fallback).
     */
    private List<String> queueWriters(long queueId) {
        return queueReaders.escalationRecipients(queueId, preferences.followers(queueId),
                preferences::agentsWithKnownGroups);
    }

    /**
     * Owner (and responsible) of a locked/owned ticket, otherwise the queue part: for escalations
     * (SPEC I1) {@link #queueWriters}, for customer follow-ups {@link #queueFollowers}.
     */
    private static List<String> ownerOr(TicketView v, LongFunction<List<String>> queuePart) {
        if (v.isOwned()) {
            List<String> to = new ArrayList<>();
            to.add(v.owner);
            to.add(v.responsible);
            return to;
        }
        return v.queueId == null ? List.of() : queuePart.apply(v.queueId);
    }

    /**
     * Escalation payloads carry number, queue, owner and lock; they fill what ticket.events did not
     * tell us. The two topics are consumed independently, so a lock may be known to
     * escalation-service before this read model has it: when either side says the ticket is
     * locked, it counts as locked (the owner hears of it rather than the whole queue).
     */
    private static void fillFromEscalation(TicketView v, JsonNode p) {
        if (v.number == null) {
            v.number = text(p, "ticketNumber");
        }
        if (v.queueId == null) {
            v.queueId = lng(p, "queueId");
        }
        if (v.owner == null) {
            v.owner = text(p, "ownerId");
        }
        if (p.path("locked").asBoolean(false) && !v.locked && v.owner != null) {
            v.locked = true;
        }
    }

    private void hint(long ticketId, String type, List<PushEvent> pushes) {
        Number id = (Number) em.createNativeQuery("insert into ticket_hint (ticket_id, type) values (:t, :type) returning id")
                .setParameter("t", ticketId)
                .setParameter("type", type)
                .getSingleResult();
        pushes.add(new PushEvent(id.longValue(), PushEvent.TICKET, null, new PushEvent.TicketHint(ticketId, type)));
    }

    private boolean firstTime(EventEnvelope event) {
        return em.createNativeQuery("insert into processed_event (event_id, event_type) values (:id, :type) "
                        + "on conflict (event_id) do nothing")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .executeUpdate() == 1;
    }

    private static Long ticketId(EventEnvelope event, JsonNode p) {
        Long id = lng(p, "ticketId");
        if (id != null) {
            return id;
        }
        try {
            return Long.parseLong(event.aggregateId());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode n = node == null ? null : node.get(field);
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
    }

    static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            String t = text(node, f);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    static Long lng(JsonNode node, String field) {
        String t = text(node, field);
        if (t == null) {
            return null;
        }
        try {
            return Long.parseLong(t.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
