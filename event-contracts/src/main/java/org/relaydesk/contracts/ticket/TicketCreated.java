package org.relaydesk.contracts.ticket;

import java.time.Instant;

/**
 * Payload of {@code TicketCreated} (version 1): the ticket as it was created.
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
        Instant createdAt) {
}
