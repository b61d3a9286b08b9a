package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.relaydesk.ticket.Salutation;

/** Salutations. */
@ApplicationScoped
public class SalutationRepository implements PanacheRepositoryBase<Salutation, Integer> {
}
