package org.relaydesk.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.contracts.Json;
import org.relaydesk.notification.service.PushHub;

/**
 * Consumes {@code ticket.events} and {@code escalation.events} (keyed by ticket id, so one
 * ticket's events arrive in order). Each event is applied once in its own transaction; after the
 * commit its notifications and ticket hint go to this instance's open streams (and through
 * {@link PushFanout} to the other instances' streams), and the mail relay is woken.
 * A failing apply is retried with backoff on the same record: forever while the failure is
 * transient (database down), a few times for anything else, then the event is logged and skipped
 * so that one unreadable event does not block its partition. The offset is committed after that.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    /** A failure that is not transient is retried this often, then the event is skipped. */
    static final int MAX_ATTEMPTS_FOR_BAD_EVENTS = 5;

    @Inject
    EventApplier applier;

    @Inject
    OutboxRelay relay;

    @Inject
    PushHub hub;

    @Incoming("ticket-events")
    @Blocking(ordered = true)
    public void ticketEvent(String value) {
        consume(value);
    }

    @Incoming("escalation-events")
    @Blocking(ordered = true)
    public void escalationEvent(String value) {
        consume(value);
    }

    private void consume(String value) {
        EventEnvelope event;
        try {
            event = Json.readEnvelope(value);
        } catch (IllegalArgumentException e) {
            LOG.errorf("skipping a record that is not an event envelope: %s", e.getMessage());
            return;
        }
        long backoffMs = 200;
        for (int attempt = 1; ; attempt++) {
            try {
                // Committed: this instance's streams get the pushes now, the others' through PushFanout.
                hub.publish(applier.apply(event));
                relay.wake();
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e) && attempt >= MAX_ATTEMPTS_FOR_BAD_EVENTS) {
                    // Not the database or the network: this event cannot be applied (a bug or a payload we
                    // cannot read). Skip it rather than block the partition for every later ticket.
                    LOG.errorf(e, "event %s (%s) of %s failed %d times and is skipped", event.id(), event.type(),
                            event.aggregateId(), attempt);
                    return;
                }
                LOG.warnf("event %s (%s) not applied yet, retrying in %d ms: %s", event.id(), event.type(), backoffMs,
                        e.getMessage());
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoffMs = Math.min(backoffMs * 2, 10_000);
            }
        }
    }

    /**
     * Whether a failure is worth retrying forever: the database is unreachable, shutting down, or a
     * transaction lost a race (SQLState classes 08, 53, 57, 40), or a connection/timeout problem.
     */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.net.ConnectException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof jakarta.persistence.PessimisticLockException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                        || state.startsWith("40")) {
                    return true;
                }
            }
            String name = t.getClass().getName();
            if (name.endsWith("JDBCConnectionException") || name.contains("AcquisitionTimeout")
                    || name.endsWith("RollbackException") && t.getCause() == null) {
                return true;
            }
        }
        return false;
    }
}
