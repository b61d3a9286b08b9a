package org.relaydesk.contracts.ticket;

import java.util.List;

/**
 * Payload of {@code TicketMerged} (version 1), published on the source ticket: its articles now
 * belong to the target ticket and it is in state merged.
 *
 * @param ticketId       the source (merged) ticket
 * @param targetTicketId the ticket it was merged into
 * @param targetNumber   the target ticket number
 * @param articleIds     the articles that moved to the target
 * @param changedBy      who merged
 */
public record TicketMerged(
        long ticketId,
        long targetTicketId,
        String targetNumber,
        List<Long> articleIds,
        String changedBy) {
}
