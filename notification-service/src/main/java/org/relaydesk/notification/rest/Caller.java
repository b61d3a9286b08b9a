package org.relaydesk.notification.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The calling agent: the token's username (preferred_username), e-mail, Keycloak groups (claim
 * {@code groups}) and whether they have the admin role.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    @Inject
    SecurityIdentity identity;

    public String agent() {
        String name = jwt.getClaim("preferred_username");
        return name != null ? name : identity.getPrincipal().getName();
    }

    public String email() {
        return jwt.getClaim("email");
    }

    /** The agent's Keycloak group names (claim {@code groups}; full paths like {@code /users} are cut to the name). */
    public Set<String> groups() {
        Object value = jwt.getClaim("groups");
        Set<String> raw = new LinkedHashSet<>();
        if (value instanceof JsonArray array) {
            array.forEach(v -> raw.add(v instanceof JsonString s ? s.getString() : v.toString()));
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> raw.add(String.valueOf(v)));
        } else if (value != null) {
            raw.add(value.toString());
        }
        Set<String> names = new LinkedHashSet<>();
        raw.forEach(g -> names.add(g.startsWith("/") ? g.substring(g.lastIndexOf('/') + 1) : g));
        return names;
    }

    public boolean admin() {
        return identity.hasRole("admin");
    }
}
