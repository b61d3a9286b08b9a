package org.relaydesk.contracts.ticket;

/**
 * Payload of {@code CustomerChanged} (version 1).
 *
 * @param ticketId          ticket id
 * @param oldCustomerUserId previous customer user login
 * @param oldCustomerId     previous customer id
 * @param newCustomerUserId new customer user login
 * @param newCustomerId     new customer id
 * @param changedBy         who changed it
 */
public record CustomerChanged(
        long ticketId,
        String oldCustomerUserId,
        String oldCustomerId,
        String newCustomerUserId,
        String newCustomerId,
        String changedBy) {
}
