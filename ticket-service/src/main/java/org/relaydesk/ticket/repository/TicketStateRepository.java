package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.relaydesk.ticket.StateType;
import org.relaydesk.ticket.TicketState;

/** Ticket states. */
@ApplicationScoped
public class TicketStateRepository implements PanacheRepositoryBase<TicketState, Integer> {

    public Optional<TicketState> byName(String name) {
        return find("lower(name) = lower(?1)", name).withHint(org.hibernate.jpa.HibernateHints.HINT_CACHEABLE, true).firstResultOptional();
    }

    /** The first valid state of a type (by id), e.g. the state "merged" for type merged. */
    public Optional<TicketState> firstOfType(StateType type) {
        return find("type = ?1 and valid = true order by id", type).withHint(org.hibernate.jpa.HibernateHints.HINT_CACHEABLE, true).firstResultOptional();
    }

    public List<Integer> idsOfTypes(List<StateType> types) {
        return getEntityManager().createQuery("select s.id from TicketState s where s.type in :types", Integer.class)
                .setParameter("types", types).getResultList();
    }
}
