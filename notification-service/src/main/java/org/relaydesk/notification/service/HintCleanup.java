package org.relaydesk.notification.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.relaydesk.notification.config.NotificationConfig;
import org.relaydesk.notification.repository.NotificationRepository;

/** Removes ticket hints past their retention; notifications stay until read and beyond. */
@ApplicationScoped
public class HintCleanup {

    @Inject
    NotificationRepository notifications;

    @Inject
    NotificationConfig config;

    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() {
        notifications.pruneHints(Instant.now().minus(config.hintRetention()));
    }
}
