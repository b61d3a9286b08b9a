package org.relaydesk.notification.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The calling agent: the token's username (preferred_username) and e-mail. */
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
}
