package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.relaydesk.ticket.CustomerUser;

/** Customer users, by login. */
@ApplicationScoped
public class CustomerUserRepository implements PanacheRepositoryBase<CustomerUser, String> {

    public Optional<CustomerUser> byEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    public List<CustomerUser> ofCustomer(String customerId) {
        return list("customerId = ?1 order by login", customerId);
    }
}
