package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.relaydesk.ticket.Sla;

/** SLAs. */
@ApplicationScoped
public class SlaRepository implements PanacheRepositoryBase<Sla, Integer> {
}
