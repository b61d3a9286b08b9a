package org.relaydesk.contracts.ticket;

import java.util.List;

/**
 * Payload of {@code TicketUpdated} (version 1): plain ticket fields changed (title, type,
 * service, SLA). Each changed field appears in {@code changes}.
 *
 * @param ticketId  ticket id
 * @param changes   one entry per changed field
 * @param changedBy who changed it
 */
public record TicketUpdated(
        long ticketId,
        List<FieldChange> changes,
        String changedBy) {

    /** A field that changed, with its values as text (ids as numbers in text, names alongside). */
    public record FieldChange(String field, String oldValue, String newValue) {
    }
}
