package org.relaydesk.escalation.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.relaydesk.escalation.client.TicketServiceClient;
import org.relaydesk.escalation.client.TicketServiceUnavailable;
import org.relaydesk.escalation.clock.ClockResult;
import org.relaydesk.escalation.clock.TicketClocks;
import org.relaydesk.escalation.repository.TicketEscalationEntity;
import org.relaydesk.escalation.service.CalendarService;
import org.relaydesk.escalation.service.DbSettingsSource;
import org.relaydesk.escalation.service.EscalationEngine;

/**
 * A ticket's escalation clocks as of now (SPEC L), and its pending timers. An agent sees them only
 * for a ticket they may read: ticket-service, which owns the queue permissions, is asked with the
 * caller's own token ({@link TicketServiceClient}); admins may read every ticket and skip the call.
 */
@Path("/api/escalation/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketEscalationResource {

    @Inject
    EscalationEngine engine;
    @Inject
    CalendarService calendars;
    @Inject
    TicketServiceClient ticketService;
    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;

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

    /**
     * The clocks of a ticket. For a caller without the {@code admin} role, ticket-service's answer
     * to {@code GET /api/tickets/{id}} with the caller's token decides first: 403 and 404 are
     * passed on, and when ticket-service cannot be reached or fails the answer is 503 (the
     * permission is unknown, so nothing is shown). Then 404 when escalation-service has not seen
     * the ticket (yet). Every refusal is an RFC 9457 problem.
     */
    @GET
    @Path("/{ticketId}")
    @RolesAllowed({"agent", "admin"})
    public TicketEscalationView get(@PathParam("ticketId") long ticketId) {
        if (!identity.hasRole("admin")) {
            requireReadable(ticketId); // outside the transaction: no database connection held while waiting
        }
        return QuarkusTransaction.joiningExisting().call(() -> view(ticketId));
    }

    private void requireReadable(long ticketId) {
        TicketServiceClient.Access access;
        try {
            access = ticketService.readAccess(token.getRawToken(), ticketId);
        } catch (TicketServiceUnavailable e) {
            throw ApiProblem.unavailable("the permission to read ticket " + ticketId
                    + " cannot be checked: ticket-service is not available; try again later");
        }
        switch (access) {
            case FORBIDDEN -> throw ApiProblem.forbidden("the caller may not read ticket " + ticketId);
            case NOT_FOUND -> throw ApiProblem.notFound("no ticket " + ticketId);
            case READABLE -> {
                // allowed
            }
        }
    }

    private TicketEscalationView view(long ticketId) {
        TicketEscalationEntity t = TicketEscalationEntity.findById(ticketId);
        if (t == null) {
            throw ApiProblem.notFound("escalation-service has not seen ticket " + ticketId);
        }
        Instant now = Instant.now();
        TicketClocks c = engine.clocks(t, now, new DbSettingsSource(calendars));
        return new TicketEscalationView(t.ticketId, t.ticketNumber, t.queueId, t.slaId, t.stateName, t.stateType,
                t.locked, t.ownerId, t.pendingUntil, c.calendarId(), c.paused(), c.closed(), c.escalationAt(), now,
                List.of(ClockView.of(c.firstResponse()), ClockView.of(c.update()), ClockView.of(c.solution())),
                engine.timers(ticketId));
    }
}
