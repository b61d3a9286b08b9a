package org.relaydesk.ticket.api;

import java.util.List;

/**
 * The customer detail read model (OTRS customer information centre): the customer, ticket
 * counts (total and per service), open tickets, tickets with pending reminders, escalated
 * tickets, and the customer users.
 */
public record CustomerDetailView(
        String customerId,
        String name,
        String valid,
        long openTickets,
        long closedTickets,
        List<ServiceCount> services,
        List<TicketView> open,
        List<TicketView> pendingReminders,
        List<TicketView> escalated,
        List<CustomerUserSummary> customerUsers) {

    public record ServiceCount(int serviceId, String service, long open, long closed) {
    }

    public record CustomerUserSummary(String login, String email, String firstName, String lastName, boolean valid) {
    }
}
