package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.relaydesk.ticket.AgentGroup;

/** RelayDesk groups. */
@ApplicationScoped
public class AgentGroupRepository implements PanacheRepositoryBase<AgentGroup, Integer> {
}
