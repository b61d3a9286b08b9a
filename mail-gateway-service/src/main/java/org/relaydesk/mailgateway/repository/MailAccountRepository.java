package org.relaydesk.mailgateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.relaydesk.mailgateway.MailAccount;

/** Mail accounts. */
@ApplicationScoped
public class MailAccountRepository implements PanacheRepositoryBase<MailAccount, UUID> {

    public List<MailAccount> enabled() {
        return list("enabled = true order by name");
    }

    public boolean nameTaken(String name, UUID except) {
        return count("lower(name) = lower(?1) and id <> ?2", name, except == null ? new UUID(0, 0) : except) > 0;
    }
}
