package org.relaydesk.notification.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.relaydesk.notification.repository.NotificationRepository;
import org.relaydesk.notification.service.PushEvent;
import org.relaydesk.notification.service.PushHub;

/**
 * Fans pushes out to the SSE streams of the other instances: the consumer's transaction announces
 * the ids it wrote with PostgreSQL {@code NOTIFY} (delivered on commit only), and each instance
 * {@code LISTEN}s on one dedicated connection, loads those rows and hands them to its
 * {@link PushHub}. The consuming instance pushes to its own streams in-process right after the
 * commit and ignores its own announcements. A stream that misses something while the listener reconnects gets it on its
 * own reconnect (Last-Event-ID replay).
 */
@ApplicationScoped
public class PushFanout {

    private static final Logger LOG = Logger.getLogger(PushFanout.class);
    static final String CHANNEL = "relaydesk_notification_push";
    /** NOTIFY payloads must stay below 8000 bytes. */
    private static final int IDS_PER_NOTIFY = 400;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    NotificationRepository notifications;

    @Inject
    PushHub hub;

    /** Tells this instance's announcements apart: its own streams were served in-process already. */
    private final String instanceId = java.util.UUID.randomUUID().toString();
    private volatile boolean running;
    private volatile Thread listener;

    /** Announces the pushes of the current transaction; they reach the streams after commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(List<PushEvent> pushes) {
        for (int from = 0; from < pushes.size(); from += IDS_PER_NOTIFY) {
            String ids = instanceId + ";" + pushes.subList(from, Math.min(pushes.size(), from + IDS_PER_NOTIFY)).stream()
                    .map(p -> Long.toString(p.id())).collect(Collectors.joining(","));
            em.createNativeQuery("select count(*) from (select pg_notify(:channel, :ids)) n")
                    .setParameter("channel", CHANNEL).setParameter("ids", ids).getSingleResult();
        }
    }

    void start(@Observes StartupEvent event) {
        running = true;
        Thread thread = new Thread(this::listen, "notification-push-listener");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = listener;
        if (t != null) {
            t.interrupt();
        }
    }

    private void listen() {
        long backoffMs = 200;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                backoffMs = 200;
                while (running) {
                    PGNotification[] received = pg.getNotifications(1000);
                    if (received == null || received.length == 0) {
                        continue;
                    }
                    List<Long> ids = new ArrayList<>();
                    for (PGNotification n : received) {
                        String[] parts = n.getParameter().split(";", 2);
                        if (parts.length < 2 || parts[0].equals(instanceId)) {
                            continue;
                        }
                        for (String id : parts[1].split(",")) {
                            if (!id.isBlank()) {
                                ids.add(Long.parseLong(id.trim()));
                            }
                        }
                    }
                    if (ids.isEmpty()) {
                        continue;
                    }
                    hub.publish(QuarkusTransaction.requiringNew().call(() -> notifications.byIds(ids)));
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("push listener lost its connection, reconnecting in %d ms: %s", backoffMs, e.getMessage());
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoffMs = Math.min(backoffMs * 2, 10_000);
            }
        }
    }
}
