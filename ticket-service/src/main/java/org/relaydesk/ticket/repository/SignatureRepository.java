package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.relaydesk.ticket.Signature;

/** Signatures. */
@ApplicationScoped
public class SignatureRepository implements PanacheRepositoryBase<Signature, Integer> {
}
