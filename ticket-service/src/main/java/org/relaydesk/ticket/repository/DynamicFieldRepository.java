package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.relaydesk.ticket.DynamicField;
import org.relaydesk.ticket.DynamicFieldValue;

/** Dynamic field definitions and their values on tickets. */
@ApplicationScoped
public class DynamicFieldRepository implements PanacheRepositoryBase<DynamicField, Integer> {

    public Optional<DynamicField> byName(String name) {
        return find("name", name).firstResultOptional();
    }

    public List<DynamicFieldValue> values(long ticketId) {
        return getEntityManager().createQuery("from DynamicFieldValue where ticketId = :t", DynamicFieldValue.class)
                .setParameter("t", ticketId).getResultList();
    }

    public List<DynamicFieldValue> values(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("from DynamicFieldValue where ticketId in :t", DynamicFieldValue.class)
                .setParameter("t", ticketIds).getResultList();
    }

    public Optional<DynamicFieldValue> value(long ticketId, int fieldId) {
        return getEntityManager().createQuery("from DynamicFieldValue where ticketId = :t and fieldId = :f",
                        DynamicFieldValue.class)
                .setParameter("t", ticketId).setParameter("f", fieldId).getResultStream().findFirst();
    }
}
