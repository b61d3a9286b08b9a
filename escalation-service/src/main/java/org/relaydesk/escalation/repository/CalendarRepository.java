package org.relaydesk.escalation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Calendars. */
@ApplicationScoped
public class CalendarRepository implements PanacheRepositoryBase<CalendarEntity, String> {

    public Optional<CalendarEntity> findDefault() {
        return find("isDefault", true).firstResultOptional();
    }

    public List<CalendarEntity> listOrdered() {
        return list("order by id");
    }
}
