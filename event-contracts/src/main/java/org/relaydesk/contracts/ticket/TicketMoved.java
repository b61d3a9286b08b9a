package org.relaydesk.contracts.ticket;

/**
 * Payload of {@code TicketMoved} (version 1): the ticket moved to another queue.
 *
 * @param ticketId     ticket id
 * @param oldQueueId   previous queue id
 * @param oldQueueName previous queue name
 * @param newQueueId   new queue id
 * @param newQueueName new queue name
 * @param changedBy    who moved it
 */
public record TicketMoved(
        long ticketId,
        long oldQueueId,
        String oldQueueName,
        long newQueueId,
        String newQueueName,
        String changedBy) {
}
