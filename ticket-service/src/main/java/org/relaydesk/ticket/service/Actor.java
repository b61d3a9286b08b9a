package org.relaydesk.ticket.service;

import java.util.Set;

/**
 * Who performs an operation: an agent, a customer user or the system itself (consumers, jobs).
 *
 * @param username  agent login ({@code preferred_username}) or customer user login
 * @param email     e-mail from the token, may be null
 * @param firstName given name, may be null
 * @param lastName  family name, may be null
 * @param roles     realm roles: agent, admin, customer
 * @param groups    Keycloak groups of an agent
 */
public record Actor(String username, String email, String firstName, String lastName, Set<String> roles,
        Set<String> groups) {

    public static final String SYSTEM_NAME = "system";
    public static final Actor SYSTEM = new Actor(SYSTEM_NAME, null, "RelayDesk", null, Set.of("system"), Set.of());

    public boolean isSystem() {
        return roles.contains("system");
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    public boolean isAgent() {
        return roles.contains("agent") || isAdmin();
    }

    public boolean isCustomer() {
        return roles.contains("customer") && !isAgent();
    }

    /** Admins and the system pass every permission check. */
    public boolean isPrivileged() {
        return isAdmin() || isSystem();
    }
}
