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

    /**
     * Stores the customer user unless one with its login (or e-mail) exists, race-free: when two mails from the same
     * new sender are processed at once, the second insert waits for the first and then does nothing
     * (a plain persist would fail the second ticket on the primary key). Returns the stored user.
     */
    public CustomerUser insertIfAbsent(CustomerUser cu) {
        getEntityManager().createNativeQuery("insert into customer_user (login, email, first_name, last_name, "
                        + "customer_id, phone, comment, valid, created_at, changed_at) values (:login, :email, :first, "
                        + ":last, :customer, :phone, :comment, :valid, :created, :changed) on conflict do nothing")
                .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedEntityClass(CustomerUser.class)
                .setParameter("login", cu.login).setParameter("email", cu.email)
                .setParameter("first", cu.firstName).setParameter("last", cu.lastName)
                .setParameter("customer", cu.customerId).setParameter("phone", cu.phone)
                .setParameter("comment", cu.comment).setParameter("valid", cu.valid)
                .setParameter("created", cu.createdAt).setParameter("changed", cu.changedAt)
                .executeUpdate();
        CustomerUser stored = findById(cu.login);
        return stored != null ? stored : byEmail(cu.email).orElseThrow(); // another login already has the address
    }

    public List<CustomerUser> ofCustomer(String customerId) {
        return list("customerId = ?1 order by login", customerId);
    }
}
