package org.relaydesk.contracts.ticket;

/**
 * Payload of {@code ResponsibleChanged} (version 1).
 *
 * @param ticketId       ticket id
 * @param oldResponsible previous responsible agent, may be null
 * @param newResponsible new responsible agent, may be null
 * @param changedBy      who changed it
 */
public record ResponsibleChanged(
        long ticketId,
        String oldResponsible,
        String newResponsible,
        String changedBy) {
}
