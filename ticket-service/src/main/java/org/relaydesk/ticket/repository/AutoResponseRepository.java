package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.relaydesk.ticket.AutoResponse;
import org.relaydesk.ticket.AutoResponseType;
import org.relaydesk.ticket.QueueAutoResponse;

/** Auto responses and their assignment to queues. */
@ApplicationScoped
public class AutoResponseRepository implements PanacheRepositoryBase<AutoResponse, Integer> {

    /** The valid auto response a queue sends for the type, if any. */
    public Optional<AutoResponse> forQueue(int queueId, AutoResponseType type) {
        return getEntityManager().createQuery("select a from AutoResponse a, QueueAutoResponse q "
                        + "where q.autoResponseId = a.id and q.queueId = :queue and q.type = :type and a.valid = true",
                        AutoResponse.class)
                .setParameter("queue", queueId).setParameter("type", type)
                .getResultStream().findFirst();
    }

    public List<QueueAutoResponse> assignments(int queueId) {
        return getEntityManager().createQuery("from QueueAutoResponse where queueId = :q order by type", QueueAutoResponse.class)
                .setParameter("q", queueId).getResultList();
    }
}
