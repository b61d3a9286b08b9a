package org.relaydesk.escalation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.relaydesk.escalation.clock.StateType;
import org.relaydesk.escalation.clock.UpdateMode;
import org.relaydesk.escalation.repository.EscalationSettingsEntity;
import org.relaydesk.escalation.repository.EscalationSettingsEntity.Scope;
import org.relaydesk.escalation.rest.EscalationSettingsDto;

/** Escalation settings per queue and per SLA; a change recomputes the affected open tickets after commit. */
@ApplicationScoped
public class EscalationSettingsService {

    @Inject
    CalendarService calendars;

    @Inject
    Event<RecomputeService.SettingsChanged> changed;

    /** Outcome of a PUT. */
    public record Saved(EscalationSettingsDto settings, boolean created) {
    }

    @Transactional
    public EscalationSettingsDto get(Scope scope, String key) {
        return toDto(find(scope, key).orElseThrow(() -> new NotFoundException(
                "no escalation settings for " + scope.name().toLowerCase() + " " + key)));
    }

    @Transactional
    public Saved put(Scope scope, String key, EscalationSettingsDto dto) {
        if (dto.calendarId() != null && calendars.findOptional(dto.calendarId()).isEmpty()) {
            throw new BadRequestException("unknown calendar " + dto.calendarId());
        }
        if (scope == Scope.SLA && dto.unlockTimeoutMinutes() != null && dto.unlockTimeoutMinutes() > 0) {
            throw new BadRequestException("the unlock timeout is a queue setting (SPEC K1)");
        }
        String types = dto.suspendStateTypes() == null ? null : String.join(",", dto.suspendStateTypes());
        if (types != null) {
            try {
                DbSettingsSource.parseTypes(types);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage() + "; state types: "
                        + Arrays.stream(StateType.values()).map(StateType::wireName).toList());
            }
        }
        if (dto.updateMode() != null) {
            try {
                UpdateMode.valueOf(dto.updateMode());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("updateMode must be one of " + Arrays.toString(UpdateMode.values()));
            }
        }
        EscalationSettingsEntity e = find(scope, key).orElse(null);
        boolean created = e == null;
        if (created) {
            e = new EscalationSettingsEntity();
            e.scope = scope;
            e.scopeKey = key;
        } else if (dto.version() != null && dto.version() != e.version) {
            throw new ClientErrorException("settings were changed meanwhile (version " + e.version + ")",
                    Response.Status.CONFLICT);
        }
        e.calendarId = dto.calendarId();
        e.firstResponseMinutes = orZero(dto.firstResponseMinutes());
        e.updateMinutes = orZero(dto.updateMinutes());
        e.solutionMinutes = orZero(dto.solutionMinutes());
        e.firstResponseNotifyPercent = (short) orZero(dto.firstResponseNotifyPercent());
        e.updateNotifyPercent = (short) orZero(dto.updateNotifyPercent());
        e.solutionNotifyPercent = (short) orZero(dto.solutionNotifyPercent());
        e.unlockTimeoutMinutes = orZero(dto.unlockTimeoutMinutes());
        e.suspendStateTypes = types;
        e.suspendStateNames = dto.suspendStateNames() == null ? null : String.join(",", dto.suspendStateNames());
        e.updateMode = dto.updateMode();
        e.updatedAt = Instant.now();
        if (created) {
            e.persist();
        }
        e.flush();
        changed.fire(new RecomputeService.SettingsChanged(scope.name(), key));
        return new Saved(toDto(e), created);
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    private static java.util.Optional<EscalationSettingsEntity> find(Scope scope, String key) {
        return EscalationSettingsEntity.find("scope = ?1 and scopeKey = ?2", scope, key).firstResultOptional();
    }

    static EscalationSettingsDto toDto(EscalationSettingsEntity e) {
        return new EscalationSettingsDto(e.scope.name(), e.scopeKey, e.calendarId, e.firstResponseMinutes, e.updateMinutes,
                e.solutionMinutes, (int) e.firstResponseNotifyPercent, (int) e.updateNotifyPercent,
                (int) e.solutionNotifyPercent, e.unlockTimeoutMinutes, list(e.suspendStateTypes),
                list(e.suspendStateNames), e.updateMode, e.version);
    }

    private static List<String> list(String csv) {
        return csv == null ? null : DbSettingsSource.split(csv).stream().sorted().toList();
    }
}
