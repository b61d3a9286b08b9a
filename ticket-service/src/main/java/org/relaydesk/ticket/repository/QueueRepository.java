package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.relaydesk.ticket.Queue;

/** Queues. */
@ApplicationScoped
public class QueueRepository implements PanacheRepositoryBase<Queue, Integer> {

    public Optional<Queue> byName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }
}
