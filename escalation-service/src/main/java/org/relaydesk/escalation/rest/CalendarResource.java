package org.relaydesk.escalation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.relaydesk.escalation.calendar.BusinessCalendar;
import org.relaydesk.escalation.service.CalendarService;

/** Calendar administration: working hours, holidays and time zone (SPEC A3, A4, B1). */
@Path("/api/calendars")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarResource {

    @Inject
    CalendarService service;

    @GET
    @RolesAllowed({"agent", "admin"})
    public List<CalendarDto> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"agent", "admin"})
    public CalendarDto get(@PathParam("id") String id) {
        return service.get(id);
    }

    /** Creates (201) or replaces (200) a calendar; 400 for an invalid definition, 409 for a stale version. */
    @PUT
    @Path("/{id}")
    @RolesAllowed("admin")
    public Response put(@PathParam("id") String id, @Valid @NotNull CalendarDto calendar) {
        CalendarService.Saved saved = service.put(id, calendar);
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(saved.calendar()).build();
    }

    /** 204, or 409 for the default calendar or one still used by queue/SLA settings. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    public void delete(@PathParam("id") String id) {
        service.delete(id);
    }

    /** Due-time preview (B5, B6): {@code start} + {@code minutes} business minutes, and the business time in between. */
    public record DuePreview(String calendarId, OffsetDateTime start, long minutes, OffsetDateTime due) {
    }

    @GET
    @Path("/{id}/due")
    @RolesAllowed({"agent", "admin"})
    public DuePreview due(@PathParam("id") String id, @QueryParam("start") @NotNull String start,
            @QueryParam("minutes") @Min(0) @Max(10_000_000) long minutes) {
        BusinessCalendar calendar = service.businessCalendar(id);
        Instant from = parse(start);
        Instant due = calendar.add(from, Duration.ofMinutes(minutes));
        return new DuePreview(id, from.atZone(calendar.zone()).toOffsetDateTime(), minutes,
                due.atZone(calendar.zone()).toOffsetDateTime());
    }

    private static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException("start must be ISO-8601 with an offset: " + text);
        }
    }
}
