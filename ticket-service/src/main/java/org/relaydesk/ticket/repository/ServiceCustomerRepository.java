package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.relaydesk.ticket.ServiceCustomer;

/** Restrictions of services to customers. */
@ApplicationScoped
public class ServiceCustomerRepository implements PanacheRepositoryBase<ServiceCustomer, Long> {

    public List<String> customersOf(int serviceId) {
        return list("serviceId = ?1 order by customerId", serviceId).stream().map(sc -> sc.customerId).toList();
    }
}
