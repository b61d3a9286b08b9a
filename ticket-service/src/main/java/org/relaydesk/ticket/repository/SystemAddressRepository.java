package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.relaydesk.ticket.SystemAddress;

/** System addresses. */
@ApplicationScoped
public class SystemAddressRepository implements PanacheRepositoryBase<SystemAddress, Integer> {
}
