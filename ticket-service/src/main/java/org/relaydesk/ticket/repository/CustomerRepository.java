package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.relaydesk.ticket.Customer;

/** Customers (organisations), by customer id. */
@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, String> {
}
