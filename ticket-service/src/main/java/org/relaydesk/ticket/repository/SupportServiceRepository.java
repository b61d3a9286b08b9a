package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.relaydesk.ticket.SupportService;

/** Services. */
@ApplicationScoped
public class SupportServiceRepository implements PanacheRepositoryBase<SupportService, Integer> {
}
