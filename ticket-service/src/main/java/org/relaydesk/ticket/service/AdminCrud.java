package org.relaydesk.ticket.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Shared steps of the admin CRUD resources: find or 404, check references (422 naming the
 * field), save and delete with an immediate flush so that unique-name and still-referenced
 * conflicts surface as 409 inside the request.
 */
@ApplicationScoped
@Transactional
public class AdminCrud {

    @Inject
    EntityManager em;

    public <E> E find(Class<E> type, Object id) {
        E e = id == null ? null : em.find(type, id);
        if (e == null) {
            throw ProblemException.notFound(type.getSimpleName(), id);
        }
        return e;
    }

    /** Checks that a referenced row exists; null references are fine. */
    public void reference(Class<?> type, Object id, String field) {
        if (id != null && em.find(type, id) == null) {
            throw ProblemException.invalid(field, "no " + type.getSimpleName() + " with id " + id);
        }
    }

    public <E extends PanacheEntityBase> List<E> all(Class<E> type, String orderBy) {
        return em.createQuery("from " + type.getSimpleName() + " order by " + orderBy, type).getResultList();
    }

    public <E extends PanacheEntityBase> E save(E e) {
        if (!em.contains(e)) {
            e.persist();
        }
        em.flush();
        return e;
    }

    public void delete(PanacheEntityBase e) {
        e.delete();
        em.flush();
    }
}
