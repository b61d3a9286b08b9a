package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relaydesk.ticket.StateType;
import org.relaydesk.ticket.Ticket;

/** Tickets: row locks for writers, filtered and cursor-paged lists, counts for read models. */
@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, Long> {

    /** Loads a ticket and locks its row until the transaction ends ({@code select ... for update}). */
    public Optional<Ticket> findForUpdate(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Ticket> byNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    /** One page of tickets matching the filter, sorted, after the cursor; reads one row more than asked. */
    public List<Ticket> page(TicketQuery query, int limit) {
        StringBuilder jpql = new StringBuilder("select t from Ticket t where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.readableQueueIds() != null) {
            jpql.append(" and t.queueId in :readable");
            params.put("readable", query.readableQueueIds().isEmpty() ? List.of(-1) : query.readableQueueIds());
        }
        add(jpql, params, query.queueId(), "t.queueId = :queueId", "queueId");
        add(jpql, params, query.state(), "t.stateId in (select s.id from TicketState s where lower(s.name) = lower(:state))", "state");
        if (query.stateTypes() != null && !query.stateTypes().isEmpty()) {
            jpql.append(" and t.stateId in (select s.id from TicketState s where s.type in :stateTypes)");
            params.put("stateTypes", query.stateTypes());
        }
        add(jpql, params, query.owner(), "t.owner = :owner", "owner");
        add(jpql, params, query.locked(), "t.locked = :locked", "locked");
        add(jpql, params, query.customerId(), "t.customerId = :customerId", "customerId");
        add(jpql, params, query.customerUserId(), "t.customerUserId = :customerUserId", "customerUserId");
        add(jpql, params, query.priority(), "t.priority = :priority", "priority");
        add(jpql, params, query.escalated(), "t.escalated = :escalated", "escalated");
        TicketQuery.Sort sort = query.sort();
        String field = "t." + sort.field().property;
        String cmp = sort.descending() ? "<" : ">";
        if (query.cursor() != null) {
            jpql.append(" and (").append(field).append(' ').append(cmp).append(" :cv or (")
                    .append(field).append(" = :cv and t.id ").append(cmp).append(" :cid))");
            params.put("cv", sort.field().parse(query.cursor().value()));
            params.put("cid", query.cursor().id());
        }
        String dir = sort.descending() ? " desc" : " asc";
        jpql.append(" order by ").append(field).append(dir).append(", t.id").append(dir);
        TypedQuery<Ticket> q = getEntityManager().createQuery(jpql.toString(), Ticket.class);
        params.forEach(q::setParameter);
        return q.setMaxResults(limit + 1).getResultList();
    }

    private static void add(StringBuilder jpql, Map<String, Object> params, Object value, String clause, String name) {
        if (value != null) {
            jpql.append(" and ").append(clause);
            params.put(name, value);
        }
    }

    /** Ticket counts of a customer by state type. */
    public Map<StateType, Long> countByStateType(String customerId) {
        Map<StateType, Long> counts = new HashMap<>();
        getEntityManager().createQuery("select s.type, count(t) from Ticket t, TicketState s "
                        + "where t.stateId = s.id and t.customerId = :c group by s.type", Object[].class)
                .setParameter("c", customerId).getResultList()
                .forEach(row -> counts.put((StateType) row[0], (Long) row[1]));
        return counts;
    }

    /** Rows of (service id, state type, count) for a customer's tickets that have a service. */
    public List<Object[]> countByServiceAndStateType(String customerId) {
        return getEntityManager().createQuery("select t.serviceId, s.type, count(t) from Ticket t, TicketState s "
                        + "where t.stateId = s.id and t.customerId = :c and t.serviceId is not null "
                        + "group by t.serviceId, s.type", Object[].class)
                .setParameter("c", customerId).getResultList();
    }

    /** A customer's tickets in any of the state types, newest first. */
    public List<Ticket> ofCustomerInStateTypes(String customerId, List<StateType> types, int limit) {
        return getEntityManager().createQuery("select t from Ticket t where t.customerId = :c and t.stateId in "
                        + "(select s.id from TicketState s where s.type in :types) order by t.createdAt desc, t.id desc", Ticket.class)
                .setParameter("c", customerId).setParameter("types", types).setMaxResults(limit).getResultList();
    }

    /** A customer's open escalated tickets. */
    public List<Ticket> escalatedOfCustomer(String customerId, List<StateType> openTypes, int limit) {
        return getEntityManager().createQuery("select t from Ticket t where t.customerId = :c and t.escalated = true "
                        + "and t.stateId in (select s.id from TicketState s where s.type in :types) order by t.createdAt", Ticket.class)
                .setParameter("c", customerId).setParameter("types", openTypes).setMaxResults(limit).getResultList();
    }

    /** Closed tickets of a queue closed before the given instant (junk cleanup). */
    public List<Long> closedInQueueBefore(int queueId, List<StateType> closedTypes, Instant before, int limit) {
        return getEntityManager().createQuery("select t.id from Ticket t where t.queueId = :q and t.closedAt < :before "
                        + "and t.stateId in (select s.id from TicketState s where s.type in :types) order by t.id", Long.class)
                .setParameter("q", queueId).setParameter("before", before).setParameter("types", closedTypes)
                .setMaxResults(limit).getResultList();
    }

    /** Ids of the children (parent/child links) of a ticket that are not closed. */
    public List<Long> openChildren(long parentId, List<StateType> openTypes) {
        return new ArrayList<>(getEntityManager().createQuery("select t.id from Ticket t, TicketLink l "
                        + "where l.sourceTicketId = :p and l.type = org.relaydesk.ticket.LinkType.PARENT_CHILD "
                        + "and l.targetTicketId = t.id and t.stateId in (select s.id from TicketState s where s.type in :types)",
                        Long.class)
                .setParameter("p", parentId).setParameter("types", openTypes).getResultList());
    }
}
