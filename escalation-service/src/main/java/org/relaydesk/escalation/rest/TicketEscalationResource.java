package org.relaydesk.escalation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.relaydesk.escalation.clock.ClockResult;
import org.relaydesk.escalation.clock.TicketClocks;
import org.relaydesk.escalation.repository.TicketEscalationEntity;
import org.relaydesk.escalation.service.CalendarService;
import org.relaydesk.escalation.service.DbSettingsSource;
import org.relaydesk.escalation.service.EscalationEngine;

/** A ticket's escalation clocks as of now (SPEC L), and its pending timers. */
@Path("/api/escalation/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketEscalationResource {

    @Inject
    EscalationEngine engine;
    @Inject
    CalendarService calendars;

    /** SPEC L per clock, plus the ticket-level escalationAt and what the timers wait for. */
    public record TicketEscalationView(long ticketId, String ticketNumber, String queueId, String slaId,
            String state, String stateType, boolean locked, String ownerId, Instant pendingUntil, String calendarId,
            boolean paused, boolean closed, Instant escalationAt, Instant computedAt, List<ClockView> clocks,
            List<EscalationEngine.Timer> timers) {
    }

    public record ClockView(String kind, String state, Instant anchor, int budgetMinutes, String calendarId,
            Instant dueAt, Instant warnAt, Long remainingBusinessSeconds, Instant breachedAt, Instant metAt,
            Long businessMinutesToMet) {
        static ClockView of(ClockResult c) {
            return new ClockView(c.kind().name(), c.state().name(), c.anchor(), c.budgetMinutes(), c.calendarId(),
                    c.dueAt(), c.warnAt(), c.remainingBusinessSeconds(), c.breachedAt(), c.metAt(),
                    c.businessMinutesToMet());
        }
    }

    @GET
    @Path("/{ticketId}")
    @RolesAllowed({"agent", "admin"})
    @Transactional
    public TicketEscalationView get(@PathParam("ticketId") long ticketId) {
        TicketEscalationEntity t = TicketEscalationEntity.findById(ticketId);
        if (t == null) {
            throw new NotFoundException("escalation-service has not seen ticket " + ticketId);
        }
        Instant now = Instant.now();
        TicketClocks c = engine.clocks(t, now, new DbSettingsSource(calendars));
        return new TicketEscalationView(t.ticketId, t.ticketNumber, t.queueId, t.slaId, t.stateName, t.stateType,
                t.locked, t.ownerId, t.pendingUntil, c.calendarId(), c.paused(), c.closed(), c.escalationAt(), now,
                List.of(ClockView.of(c.firstResponse()), ClockView.of(c.update()), ClockView.of(c.solution())),
                engine.timers(ticketId));
    }
}
