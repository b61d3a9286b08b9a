package org.relaydesk.contracts.ticket;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Payload of {@code DynamicFieldChanged} (version 1).
 *
 * @param ticketId  ticket id
 * @param field     field name
 * @param fieldType text, textarea, dropdown, multiselect, date or checkbox
 * @param oldValue  previous value (JSON: string, array, boolean or null)
 * @param newValue  new value (JSON), null when cleared
 * @param changedBy who changed it
 */
public record DynamicFieldChanged(
        long ticketId,
        String field,
        String fieldType,
        JsonNode oldValue,
        JsonNode newValue,
        String changedBy) {
}
