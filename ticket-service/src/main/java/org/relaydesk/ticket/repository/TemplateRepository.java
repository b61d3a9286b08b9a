package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.relaydesk.ticket.Template;

/** Templates. */
@ApplicationScoped
public class TemplateRepository implements PanacheRepositoryBase<Template, Integer> {
}
