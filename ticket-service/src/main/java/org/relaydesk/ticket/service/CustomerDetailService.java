package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.relaydesk.ticket.Customer;
import org.relaydesk.ticket.StateType;
import org.relaydesk.ticket.Ticket;
import org.relaydesk.ticket.api.CustomerDetailView;
import org.relaydesk.ticket.api.CustomerDetailView.CustomerUserSummary;
import org.relaydesk.ticket.api.CustomerDetailView.ServiceCount;
import org.relaydesk.ticket.api.TicketView;
import org.relaydesk.ticket.repository.CustomerRepository;
import org.relaydesk.ticket.repository.CustomerUserRepository;
import org.relaydesk.ticket.repository.TicketRepository;

/**
 * Builds the customer detail read model. Counts cover all of the customer's tickets; the ticket
 * lists show only tickets in queues the agent may read. Works for customer ids that have no
 * customer record (free-text ids on tickets), as OTRS does.
 */
@ApplicationScoped
public class CustomerDetailService {

    static final int LIST_LIMIT = 100;

    @Inject
    CustomerRepository customers;
    @Inject
    CustomerUserRepository customerUsers;
    @Inject
    TicketRepository tickets;
    @Inject
    Permissions permissions;
    @Inject
    TicketViews views;
    @Inject
    Lookups lookups;

    @Transactional
    public CustomerDetailView detail(Actor a, String customerId) {
        Customer c = customers.findById(customerId);
        var users = customerUsers.ofCustomer(customerId);
        Map<StateType, Long> counts = tickets.countByStateType(customerId);
        if (c == null && users.isEmpty() && counts.isEmpty()) {
            throw ProblemException.notFound("customer", customerId);
        }
        long open = counts.entrySet().stream().filter(e -> e.getKey().isOpen()).mapToLong(Map.Entry::getValue).sum();
        long closed = counts.entrySet().stream().filter(e -> e.getKey().isClosed()).mapToLong(Map.Entry::getValue).sum();
        Map<Integer, long[]> perService = new TreeMap<>();
        for (Object[] row : tickets.countByServiceAndStateType(customerId)) {
            long[] oc = perService.computeIfAbsent((Integer) row[0], k -> new long[2]);
            oc[((StateType) row[1]).isOpen() ? 0 : 1] += (Long) row[2];
        }
        List<ServiceCount> services = new ArrayList<>();
        perService.forEach((id, oc) -> services.add(new ServiceCount(id, lookups.serviceName(id), oc[0], oc[1])));
        List<StateType> openTypes = TicketMutations.OPEN_TYPES;
        return new CustomerDetailView(customerId, c == null ? null : c.name, c == null ? null : c.valid.code(), open, closed,
                services,
                readable(a, tickets.ofCustomerInStateTypes(customerId, openTypes, LIST_LIMIT)),
                readable(a, tickets.ofCustomerInStateTypes(customerId, List.of(StateType.PENDING_REMINDER), LIST_LIMIT)),
                readable(a, tickets.escalatedOfCustomer(customerId, openTypes, LIST_LIMIT)),
                users.stream().map(u -> new CustomerUserSummary(u.login, u.email, u.firstName, u.lastName, u.valid)).toList());
    }

    private List<TicketView> readable(Actor a, List<Ticket> list) {
        List<Integer> queues = permissions.readableQueueIds(a);
        return views.views(queues == null ? list : list.stream().filter(t -> queues.contains(t.queueId)).toList(), a);
    }
}
