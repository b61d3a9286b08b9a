package org.relaydesk.contracts.ticket;

import java.util.List;

/**
 * Payload of {@code TicketUpdated} (version 1): plain ticket fields changed (title, type,
 * service, SLA). Each changed field appears in {@code changes}.
 *
 * @param ticketId  ticket id
 * @param changes   one entry per changed field
 * @param changedBy who changed it
 * @param typeId    the ticket's type id after the change (null: none)
 * @param serviceId the ticket's service id after the change (null: none)
 * @param slaId     the ticket's SLA id after the change (null: none); consumers key settings by it
 */
public record TicketUpdated(
        long ticketId,
        List<FieldChange> changes,
        String changedBy,
        Integer typeId,
        Integer serviceId,
        Integer slaId) {

    /** Version-1 shape without the current ids. */
    public TicketUpdated(long ticketId, List<FieldChange> changes, String changedBy) {
        this(ticketId, changes, changedBy, null, null, null);
    }

    /** A field that changed, with its values as text (ids as numbers in text, names alongside). */
    public record FieldChange(String field, String oldValue, String newValue) {
    }
}
