package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.relaydesk.ticket.Priority;
import org.relaydesk.ticket.Queue;
import org.relaydesk.ticket.Sla;
import org.relaydesk.ticket.SupportService;
import org.relaydesk.ticket.TicketState;
import org.relaydesk.ticket.TicketType;
import org.relaydesk.ticket.repository.PriorityRepository;
import org.relaydesk.ticket.repository.QueueRepository;
import org.relaydesk.ticket.repository.SlaRepository;
import org.relaydesk.ticket.repository.SupportServiceRepository;
import org.relaydesk.ticket.repository.TicketStateRepository;
import org.relaydesk.ticket.repository.TicketTypeRepository;

/**
 * Resolves reference data named in a request. An unknown or invalid value is a 422 naming the
 * request field; a lookup of a stored id (never unknown) is a plain read.
 */
@ApplicationScoped
public class Lookups {

    @Inject
    QueueRepository queues;
    @Inject
    TicketStateRepository states;
    @Inject
    PriorityRepository priorities;
    @Inject
    TicketTypeRepository types;
    @Inject
    SupportServiceRepository services;
    @Inject
    SlaRepository slas;

    public Queue queue(int id) {
        return queues.findById(id);
    }

    public TicketState state(int id) {
        return states.findById(id);
    }

    public String priorityName(int id) {
        Priority p = priorities.findById(id);
        return p == null ? null : p.name;
    }

    public String typeName(Integer id) {
        TicketType t = id == null ? null : types.findById(id);
        return t == null ? null : t.name;
    }

    public String serviceName(Integer id) {
        SupportService s = id == null ? null : services.findById(id);
        return s == null ? null : s.name;
    }

    public String slaName(Integer id) {
        Sla s = id == null ? null : slas.findById(id);
        return s == null ? null : s.name;
    }

    public Queue validQueue(Integer id, String field) {
        Queue q = id == null ? null : queues.findById(id);
        if (q == null || !q.valid) {
            throw ProblemException.invalid(field, "no valid queue with id " + id);
        }
        return q;
    }

    public TicketState validState(String name, String field) {
        return states.byName(name).filter(s -> s.valid)
                .orElseThrow(() -> ProblemException.invalid(field, "no valid state named '" + name + "'"));
    }

    public int validPriority(Integer id, String field) {
        Priority p = id == null ? null : priorities.findById(id);
        if (p == null || !p.valid) {
            throw ProblemException.invalid(field, "priority must be a valid priority 1..5, got " + id);
        }
        return p.id;
    }

    public TicketType validType(Integer id, String field) {
        TicketType t = types.findById(id);
        if (t == null || !t.valid) {
            throw ProblemException.invalid(field, "no valid ticket type with id " + id);
        }
        return t;
    }

    public SupportService validService(Integer id, String field) {
        SupportService s = services.findById(id);
        if (s == null || !s.valid) {
            throw ProblemException.invalid(field, "no valid service with id " + id);
        }
        return s;
    }

    /** A valid SLA that belongs to the given service (an SLA needs a service on the ticket). */
    public Sla validSla(Integer id, Integer serviceId, String field) {
        Sla s = slas.findById(id);
        if (s == null || !s.valid) {
            throw ProblemException.invalid(field, "no valid SLA with id " + id);
        }
        if (!s.serviceId.equals(serviceId)) {
            throw ProblemException.invalid(field, "SLA " + id + " does not belong to the ticket's service");
        }
        return s;
    }
}
