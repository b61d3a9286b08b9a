package org.relaydesk.mailgateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.relaydesk.mailgateway.QuarantinedMail;

/** The quarantine. */
@ApplicationScoped
public class QuarantineRepository implements PanacheRepositoryBase<QuarantinedMail, UUID> {

    public Optional<QuarantinedMail> ofMail(UUID inboundMailId) {
        return find("inboundMailId", inboundMailId).firstResultOptional();
    }
}
