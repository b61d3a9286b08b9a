package org.relaydesk.ticket.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.relaydesk.ticket.service.Actor;

/**
 * The caller as an {@link Actor}, from the verified Keycloak token: {@code preferred_username},
 * realm roles ({@code realm_access.roles}, mapped by quarkus.oidc.roles.role-claim-path) and the
 * agent groups claim {@code groups}.
 */
@RequestScoped
public class CurrentActor {

    @Inject
    JsonWebToken jwt;
    @Inject
    SecurityIdentity identity;

    private Actor actor;

    public Actor get() {
        if (actor == null) {
            String username = claim("preferred_username");
            actor = new Actor(username != null ? username : identity.getPrincipal().getName(), claim("email"),
                    claim("given_name"), claim("family_name"), Set.copyOf(identity.getRoles()), groups());
        }
        return actor;
    }

    private String claim(String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return value == null ? null : value.toString();
    }

    private Set<String> groups() {
        Object value = jwt.getClaim("groups");
        Set<String> result = new LinkedHashSet<>();
        if (value instanceof JsonArray array) {
            array.forEach(v -> result.add(v instanceof JsonString s ? s.getString() : v.toString()));
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> result.add(String.valueOf(v)));
        } else if (value != null) {
            result.add(value.toString());
        }
        // Keycloak emits full paths ("/users") when the mapper's full.path is on; accept both.
        Set<String> names = new LinkedHashSet<>();
        result.forEach(g -> names.add(g.startsWith("/") ? g.substring(g.lastIndexOf('/') + 1) : g));
        return Set.copyOf(names);
    }
}
