package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.relaydesk.ticket.QueueTemplate;

/** Which templates a queue offers. */
@ApplicationScoped
public class QueueTemplateRepository implements PanacheRepositoryBase<QueueTemplate, Long> {

    public List<Integer> templateIds(int queueId) {
        return list("queueId", queueId).stream().map(qt -> qt.templateId).toList();
    }

    public boolean assigned(int queueId, int templateId) {
        return count("queueId = ?1 and templateId = ?2", queueId, templateId) > 0;
    }
}
