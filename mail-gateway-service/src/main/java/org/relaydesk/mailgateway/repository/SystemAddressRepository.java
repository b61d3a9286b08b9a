package org.relaydesk.mailgateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.relaydesk.mailgateway.SystemAddress;

/** System addresses (queue e-mail addresses). */
@ApplicationScoped
public class SystemAddressRepository implements PanacheRepositoryBase<SystemAddress, UUID> {

    public List<SystemAddress> enabled() {
        return list("enabled = true order by address");
    }

    public Optional<SystemAddress> byAddress(String address) {
        return find("lower(address) = lower(?1)", address).firstResultOptional();
    }

    /** The first enabled address of a queue (the From of its mail). */
    public Optional<SystemAddress> ofQueue(long queueId) {
        return find("queueId = ?1 and enabled = true order by createdAt", queueId).firstResultOptional();
    }
}
