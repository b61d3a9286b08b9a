package org.relaydesk.ticket.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.ticket.TicketDeleted;
import org.relaydesk.ticket.StateType;
import org.relaydesk.ticket.Ticket;
import org.relaydesk.ticket.config.TicketConfig;
import org.relaydesk.ticket.repository.QueueRepository;
import org.relaydesk.ticket.repository.TicketRepository;

/**
 * Deletes closed tickets of the junk queue once they have been closed longer than the
 * retention; the only deletion of tickets there is. Each deletion publishes {@code TicketDeleted}.
 */
@ApplicationScoped
public class JunkCleanup {

    private static final Logger LOG = Logger.getLogger(JunkCleanup.class);
    private static final int BATCH = 500;
    static final List<StateType> CLOSED = List.of(StateType.CLOSED_SUCCESSFUL, StateType.CLOSED_UNSUCCESSFUL,
            StateType.MERGED, StateType.REMOVED);

    @Inject
    TicketConfig config;
    @Inject
    QueueRepository queues;
    @Inject
    TicketRepository tickets;
    @Inject
    TicketJournal journal;

    @Scheduled(every = "${relaydesk.ticket.junk.cleanup-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int deleted = purge(Instant.now().minus(Duration.ofDays(config.junk().retentionDays())));
        if (deleted > 0) {
            LOG.infof("junk cleanup deleted %d tickets", deleted);
        }
    }

    /** Deletes junk tickets closed before the cut-off; returns how many. */
    @Transactional
    public int purge(Instant closedBefore) {
        var junk = queues.byName(config.junk().queue());
        if (junk.isEmpty()) {
            return 0;
        }
        List<Long> ids = tickets.closedInQueueBefore(junk.get().id, CLOSED, closedBefore, BATCH);
        for (Long id : ids) {
            Ticket t = tickets.findForUpdate(id).orElseThrow();
            journal.publish(t, EventTypes.TICKET_DELETED, new TicketDeleted(t.id, t.number, "junk-retention"));
            tickets.delete(t);
        }
        return ids.size();
    }
}
