package org.relaydesk.search.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.relaydesk.search.config.SearchConfig;
import org.relaydesk.search.service.QueuePermissions;
import org.relaydesk.search.service.Scope;

/** The caller's search scope, from the verified token: roles, {@code groups}, user name and e-mail. */
@RequestScoped
public class CurrentCaller {

    @Inject
    JsonWebToken jwt;
    @Inject
    SecurityIdentity identity;
    @Inject
    QueuePermissions permissions;
    @Inject
    SearchConfig config;

    public String username() {
        String name = claim("preferred_username");
        return name != null ? name : identity.getPrincipal().getName();
    }

    public boolean isAdmin() {
        return identity.hasRole(config.adminRole());
    }

    /** The agent scope (admins see all queues). */
    public Scope agentScope() {
        if (isAdmin()) {
            return new Scope(username(), true, Set.of(), false, Set.of());
        }
        return new Scope(username(), false, permissions.readableQueues(groups()), false, Set.of());
    }

    /** The customer scope: tickets whose customer user is this login or e-mail. */
    public Scope customerScope() {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(username().toLowerCase(Locale.ROOT));
        String email = claim("email");
        if (email != null && !email.isBlank()) {
            ids.add(email.toLowerCase(Locale.ROOT));
        }
        return new Scope(username(), false, Set.of(), true, ids);
    }

    private String claim(String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return value == null ? null : value.toString();
    }

    Set<String> groups() {
        Object value = jwt.getClaim("groups");
        Set<String> result = new LinkedHashSet<>();
        if (value instanceof JsonArray array) {
            array.forEach(v -> result.add(v instanceof JsonString s ? s.getString() : v.toString()));
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> result.add(String.valueOf(v)));
        } else if (value != null) {
            result.add(value.toString());
        }
        Set<String> names = new LinkedHashSet<>();
        result.forEach(g -> names.add(g.startsWith("/") ? g.substring(g.lastIndexOf('/') + 1) : g));
        return names;
    }
}
