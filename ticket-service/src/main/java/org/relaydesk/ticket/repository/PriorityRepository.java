package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.relaydesk.ticket.Priority;

/** Priorities 1..5. */
@ApplicationScoped
public class PriorityRepository implements PanacheRepositoryBase<Priority, Integer> {
}
