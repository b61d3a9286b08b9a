package org.relaydesk.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import org.relaydesk.notification.AgentPreferences;
import org.relaydesk.notification.NotificationKind;
import org.relaydesk.notification.config.NotificationConfig;
import org.relaydesk.notification.repository.PreferenceRepository;

/**
 * The calling agent's own notification preferences. Each call also records the caller's Keycloak
 * groups and admin role on their preference row, which decide which queue notifications reach them.
 */
@Path("/api/preferences")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "admin"})
public class PreferenceResource {

    @Inject
    Caller caller;

    @Inject
    PreferenceRepository repository;

    @Inject
    NotificationConfig config;

    @GET
    public PreferencesDto get() {
        String agent = caller.agent();
        repository.rememberAccess(agent, caller.groups(), caller.admin());
        AgentPreferences p = repository.find(agent).orElse(AgentPreferences.defaults(agent, config.defaultLanguage()));
        return toDto(p, caller.email());
    }

    @PUT
    public PreferencesDto put(PreferencesDto body) {
        if (body == null) {
            throw new BadRequestException("preferences missing");
        }
        String agent = caller.agent();
        String language = body.language() == null ? config.defaultLanguage() : body.language();
        if (!AgentPreferences.LANGUAGES.contains(language)) {
            throw new BadRequestException("language must be one of " + AgentPreferences.LANGUAGES);
        }
        Map<NotificationKind, AgentPreferences.Channels> channels = new EnumMap<>(NotificationKind.class);
        if (body.notifications() != null) {
            for (var e : body.notifications().entrySet()) {
                NotificationKind kind;
                try {
                    kind = NotificationKind.valueOf(e.getKey());
                } catch (IllegalArgumentException ex) {
                    throw new BadRequestException("unknown notification kind " + e.getKey());
                }
                if (e.getValue() != null) {
                    channels.put(kind, new AgentPreferences.Channels(e.getValue().email(), e.getValue().inApp()));
                }
            }
        }
        PreferencesDto.OutOfOffice ooo = body.outOfOffice();
        if (ooo != null) {
            if (ooo.from() == null || ooo.to() == null || ooo.to().isBefore(ooo.from())) {
                throw new BadRequestException("out of office needs from <= to");
            }
            if (agent.equals(ooo.substitute())) {
                throw new BadRequestException("an agent cannot be their own substitute");
            }
        }
        AgentPreferences p = new AgentPreferences(agent, caller.email(), language,
                body.myQueues() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(body.myQueues()), channels,
                ooo == null ? null : ooo.from(), ooo == null ? null : ooo.to(),
                ooo == null || ooo.substitute() == null || ooo.substitute().isBlank() ? null : ooo.substitute());
        repository.save(p);
        repository.rememberAccess(agent, caller.groups(), caller.admin());
        return toDto(repository.find(agent).orElseThrow(), caller.email());
    }

    private static PreferencesDto toDto(AgentPreferences p, String tokenEmail) {
        Map<String, PreferencesDto.Channels> kinds = new LinkedHashMap<>();
        for (NotificationKind kind : NotificationKind.values()) {
            AgentPreferences.Channels c = p.channelsFor(kind);
            kinds.put(kind.name(), new PreferencesDto.Channels(c.email(), c.inApp()));
        }
        PreferencesDto.OutOfOffice ooo = p.oooFrom() == null ? null
                : new PreferencesDto.OutOfOffice(p.oooFrom(), p.oooTo(), p.substitute());
        return new PreferencesDto(p.agent(), p.email() != null ? p.email() : tokenEmail, p.language(),
                new ArrayList<>(p.myQueues()), kinds, ooo);
    }
}
