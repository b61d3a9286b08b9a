package org.relaydesk.contracts.ticket;

import java.time.Instant;

/**
 * Payload of {@code TicketCreated} (version 1): the ticket as it was created. Its first article
 * follows as {@code ArticleAdded}.
 *
 * @param ticketId       internal id
 * @param number         ticket number, e.g. {@code 2013070410000731}
 * @param title          title
 * @param queueId        queue id
 * @param queueName      queue name at creation
 * @param state          state name, e.g. {@code new}
 * @param stateType      state type, e.g. {@code new}
 * @param priority       1 (very low) .. 5 (very high)
 * @param channel        origin: email, phone, web, api
 * @param customerUserId customer user login, may be null
 * @param customerId     customer (organisation) id, may be null
 * @param ownerId        owner agent, may be null
 * @param locked         whether the ticket was created locked to its owner
 * @param createdAt      creation instant
 * @param type           ticket type name, may be null
 * @param responsible    responsible agent, may be null
 * @param serviceId      service id, may be null
 * @param slaId          SLA id, may be null
 * @param pendingUntil   pending time when created in a pending state, else null
 * @param createdBy      agent login, customer user login or {@code system}
 */
public record TicketCreated(
        long ticketId,
        String number,
        String title,
        long queueId,
        String queueName,
        String state,
        String stateType,
        int priority,
        String channel,
        String customerUserId,
        String customerId,
        String ownerId,
        boolean locked,
        Instant createdAt,
        String type,
        String responsible,
        Long serviceId,
        Long slaId,
        Instant pendingUntil,
        String createdBy) {

    /** The version-1 field set before the trailing fields were appended (kept for existing callers). */
    public TicketCreated(long ticketId, String number, String title, long queueId, String queueName, String state,
            String stateType, int priority, String channel, String customerUserId, String customerId, String ownerId,
            boolean locked, Instant createdAt) {
        this(ticketId, number, title, queueId, queueName, state, stateType, priority, channel, customerUserId,
                customerId, ownerId, locked, createdAt, null, null, null, null, null, null);
    }
}
