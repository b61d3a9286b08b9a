package org.relaydesk.ticket.api;

/** A valid queue as agents and other services (the mail-gateway) see it. */
public record QueueView(Integer id, String name, Integer groupId, Integer systemAddressId, String followUpPolicy,
        String comment) {
}
