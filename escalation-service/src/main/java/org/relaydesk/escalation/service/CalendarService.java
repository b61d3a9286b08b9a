package org.relaydesk.escalation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.relaydesk.escalation.calendar.BusinessCalendar;
import org.relaydesk.escalation.calendar.CalendarConfigurationException;
import org.relaydesk.escalation.repository.CalendarEntity;
import org.relaydesk.escalation.repository.CalendarRepository;
import org.relaydesk.escalation.repository.EscalationSettingsEntity;
import org.relaydesk.escalation.rest.CalendarDto;

/**
 * Calendar administration, and the domain calendars the clocks use (cached per id and version, so a
 * changed calendar is a new instance with its own interval cache).
 *
 * <p>Recomputing the clocks of the tickets that use a changed calendar (SPEC G1) is not wired yet:
 * {@link #put} returns the new version for that job to pick up.
 */
@ApplicationScoped
public class CalendarService {

    @Inject
    CalendarRepository calendars;

    @Inject
    jakarta.enterprise.event.Event<CalendarChanged> changed;

    /** Fired in the transaction that changed a calendar; observed after commit to recompute its tickets. */
    public record CalendarChanged(String calendarId) {
    }

    /** Used when no calendar is marked default (A3 needs one): 24x7 in UTC. */
    static final BusinessCalendar BUILTIN_DEFAULT = BusinessCalendar.builder("builtin-24x7", java.time.ZoneOffset.UTC)
            .window(java.util.EnumSet.allOf(java.time.DayOfWeek.class), "00:00", "24:00").build();

    private record CacheKey(String id, long version) {
    }

    private final ConcurrentHashMap<CacheKey, BusinessCalendar> cache = new ConcurrentHashMap<>();

    /** Outcome of a PUT. */
    public record Saved(CalendarDto calendar, boolean created) {
    }

    @Transactional
    public List<CalendarDto> list() {
        return calendars.listOrdered().stream().map(CalendarMapper::toDto).toList();
    }

    @Transactional
    public CalendarDto get(String id) {
        return CalendarMapper.toDto(find(id));
    }

    /**
     * Creates or replaces a calendar. The definition is validated by building the domain calendar
     * first (B1, B5). Setting {@code default} clears the flag on the previous default.
     */
    @Transactional
    public Saved put(String id, CalendarDto dto) {
        if (dto.id() != null && !dto.id().equals(id)) {
            throw new CalendarConfigurationException("id in the body (" + dto.id() + ") differs from the path (" + id + ")");
        }
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new CalendarConfigurationException("calendar id must be 1-64 letters, digits, '.', '_' or '-': " + id);
        }
        CalendarMapper.toCalendar(id, dto); // validates
        CalendarEntity e = calendars.findById(id);
        boolean created = e == null;
        if (created) {
            e = new CalendarEntity();
            e.id = id;
        } else if (dto.version() != null && dto.version() != e.version) {
            throw new ClientErrorException("calendar " + id + " was changed meanwhile (version " + e.version + ")",
                    Response.Status.CONFLICT);
        }
        if (dto.defaultCalendar()) {
            calendars.findDefault().filter(d -> !d.id.equals(id)).ifPresent(d -> {
                changed.fire(new CalendarChanged(d.id)); // its tickets may have resolved to it as the default
                d.isDefault = false;
                d.updatedAt = Instant.now();
                calendars.flush(); // the partial unique index allows one default at a time
            });
        }
        CalendarMapper.apply(dto, e);
        e.updatedAt = Instant.now();
        if (created) {
            calendars.persist(e);
        }
        calendars.flush();
        evict(id);
        changed.fire(new CalendarChanged(id));
        return new Saved(CalendarMapper.toDto(e), created);
    }

    /** Deletes a calendar that is neither the default nor used by any queue or SLA. */
    @Transactional
    public void delete(String id) {
        CalendarEntity e = find(id);
        if (e.isDefault) {
            throw new ClientErrorException("calendar " + id + " is the default calendar", Response.Status.CONFLICT);
        }
        long users = EscalationSettingsEntity.count("calendarId", id);
        if (users > 0) {
            throw new ClientErrorException("calendar " + id + " is used by " + users + " queue/SLA settings",
                    Response.Status.CONFLICT);
        }
        calendars.delete(e);
        evict(id);
    }

    private void evict(String id) {
        cache.keySet().removeIf(k -> k.id().equals(id));
    }

    /** The domain calendar with this id, or the default calendar for null. */
    @Transactional
    public BusinessCalendar businessCalendar(String id) {
        CalendarEntity e = id == null
                ? calendars.findDefault().orElseThrow(() -> new IllegalStateException("no default calendar configured"))
                : find(id);
        return cache.computeIfAbsent(new CacheKey(e.id, e.version), k -> CalendarMapper.toCalendar(e));
    }

    /** The default calendar, or a built-in 24x7 UTC calendar when none is marked default. */
    @Transactional
    public BusinessCalendar defaultBusinessCalendar() {
        return calendars.findDefault()
                .map(e -> cache.computeIfAbsent(new CacheKey(e.id, e.version), k -> CalendarMapper.toCalendar(e)))
                .orElse(BUILTIN_DEFAULT);
    }

    public Optional<CalendarEntity> findOptional(String id) {
        return calendars.findByIdOptional(id);
    }

    private CalendarEntity find(String id) {
        CalendarEntity e = calendars.findById(id);
        if (e == null) {
            throw new NotFoundException("no calendar " + id);
        }
        return e;
    }
}
