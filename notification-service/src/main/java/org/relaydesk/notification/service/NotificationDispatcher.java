package org.relaydesk.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.mail.OutboundMailRequest;
import org.relaydesk.notification.AgentPreferences;
import org.relaydesk.notification.Notification;
import org.relaydesk.notification.NotificationKind;
import org.relaydesk.notification.TicketView;
import org.relaydesk.notification.config.NotificationConfig;
import org.relaydesk.notification.messaging.Outbox;
import org.relaydesk.notification.repository.PreferenceRepository;

/**
 * Turns "these agents should hear about this ticket" into deliveries, inside the consumer's
 * transaction: skips the acting agent, applies each recipient's channel choices, redirects to the
 * substitute while out of office, deduplicates escalations and reminders per business day, stores
 * in-app notifications and writes mails to the outbox (held until business hours for escalations
 * and reminders).
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);

    @Inject
    EntityManager em;

    @Inject
    PreferenceRepository preferences;

    @Inject
    Outbox outbox;

    @Inject
    NotificationConfig config;

    @Inject
    BusinessWindow window;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    /**
     * Notifies the candidates about a ticket.
     *
     * @param kind       what happened
     * @param clockName  the escalation clock (FIRST_RESPONSE, UPDATE, SOLUTION) or null
     * @param ticket     the ticket
     * @param candidates recipients before exclusions, in order
     * @param actor      the agent who caused the event (never notified), or null
     * @param pushes     collects what to push live after commit
     * @return the agents that received something
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> notify(NotificationKind kind, String clockName, TicketView ticket, Collection<String> candidates,
            String actor, List<PushEvent> pushes) {
        return notify(kind, clockName, ticket, candidates, actor, pushes, null);
    }

    /**
     * When a business-hours notification may be mailed and which business day it counts for, as the
     * event's producer computed it with the ticket's calendar (SPEC I2/I3).
     *
     * @param from        the first business instant at or after the event
     * @param businessDay the calendar-local date of {@code from}
     */
    public record BusinessGate(Instant from, LocalDate businessDay) {
    }

    /**
     * As {@link #notify(NotificationKind, String, TicketView, Collection, String, List)}, gated by the
     * ticket's calendar when {@code gate} is given, else by the configured business window.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> notify(NotificationKind kind, String clockName, TicketView ticket, Collection<String> candidates,
            String actor, List<PushEvent> pushes, BusinessGate gate) {
        Set<String> delivered = new LinkedHashSet<>();
        Set<String> wanted = new LinkedHashSet<>();
        for (String c : candidates) {
            if (c != null && !c.isBlank() && !c.equals(actor)) {
                wanted.add(c);
            }
        }
        if (wanted.isEmpty()) {
            return delivered;
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(window.zone()).toLocalDate();
        Map<String, AgentPreferences> prefs = preferences.load(wanted);
        Set<String> substitutes = new HashSet<>();
        for (String agent : wanted) {
            AgentPreferences p = prefs.get(agent);
            if (p != null && p.outOfOffice(today) && p.substitute() != null && !p.substitute().isBlank()) {
                substitutes.add(p.substitute());
            }
        }
        substitutes.removeAll(prefs.keySet());
        if (!substitutes.isEmpty()) {
            prefs = new java.util.HashMap<>(prefs);
            prefs.putAll(preferences.load(substitutes));
        }
        for (String agent : wanted) {
            AgentPreferences p = prefs.getOrDefault(agent, AgentPreferences.defaults(agent, config.defaultLanguage()));
            AgentPreferences.Channels channels = p.channelsFor(kind);
            if (!channels.any()) {
                continue;
            }
            String target = agent;
            String onBehalfOf = null;
            boolean email = channels.email();
            if (p.outOfOffice(today)) {
                if (p.substitute() != null && !p.substitute().isBlank()) {
                    target = p.substitute();
                    onBehalfOf = agent;
                } else {
                    email = false; // no mails into an empty office; the in-app list keeps it
                }
            }
            if (target.equals(actor) || !delivered.add(target)) {
                continue;
            }
            LocalDate businessDay = gate != null ? gate.businessDay() : window.businessDay(now);
            if (kind.businessHoursOnly() && !firstToday(target, ticket.ticketId, kind, clockName, businessDay)) {
                LOG.debugf("%s for ticket %d to %s already sent this business day", kind, ticket.ticketId, target);
                delivered.remove(target);
                continue;
            }
            AgentPreferences tp = target.equals(agent) ? p
                    : prefs.getOrDefault(target, AgentPreferences.defaults(target, config.defaultLanguage()));
            MessageTemplates.Values values = new MessageTemplates.Values(ticket.number, ticket.title, ticket.queueName,
                    clockName, config.ticketLinkBase() + ticket.ticketId, onBehalfOf);
            String line = MessageTemplates.line(tp.language(), kind, values);
            if (channels.inApp()) {
                Notification n = new Notification();
                n.agent = target;
                n.kind = kind;
                n.ticketId = ticket.ticketId;
                n.ticketNumber = ticket.number;
                n.ticketTitle = ticket.title;
                n.text = onBehalfOf == null ? line : line + " (" + onBehalfOf + ")";
                n.createdAt = now;
                n.persist();
                pushes.add(new PushEvent(n.id, PushEvent.NOTIFICATION, target, NotificationView.of(n)));
                metrics.counter("relaydesk.notifications", "kind", kind.name(), "channel", "in_app").increment();
            }
            if (email) {
                Instant releaseAt = kind.businessHoursOnly() ? releaseAt(gate, now) : null;
                OutboundMailRequest mail = new OutboundMailRequest(UUID.randomUUID().toString(), ticket.ticketId,
                        ticket.number, ticket.queueId, null, tp.emailOr(config.mailDomain()), null, null, line,
                        MessageTemplates.body(tp.language(), kind, values), null, null, null,
                        Map.of("X-RelayDesk-Notification", kind.name(), "X-RelayDesk-Recipient", target), List.of());
                outbox.mail(mail, now, releaseAt);
                metrics.counter("relaydesk.notifications", "kind", kind.name(), "channel",
                        releaseAt == null ? "email" : "email_held").increment();
            }
        }
        return delivered;
    }

    /** When a business-hours mail may leave: null at once; else the ticket calendar's or the window's next start. */
    private Instant releaseAt(BusinessGate gate, Instant now) {
        if (gate != null) {
            return gate.from().isAfter(now) ? gate.from() : null;
        }
        return window.isOpen(now) ? null : window.nextOpen(now);
    }

    /** Records (recipient, ticket, kind:clock, business day); false when it was already there (SPEC I2). */
    private boolean firstToday(String recipient, long ticketId, NotificationKind kind, String clockName,
            LocalDate businessDay) {
        String key = clockName == null ? kind.name() : kind.name() + ":" + clockName;
        return em.createNativeQuery("insert into delivery_log (recipient, ticket_id, dedupe_key, business_day) "
                        + "values (:r, :t, :k, :d) on conflict do nothing")
                .setParameter("r", recipient)
                .setParameter("t", ticketId)
                .setParameter("k", key)
                .setParameter("d", businessDay)
                .executeUpdate() == 1;
    }
}
