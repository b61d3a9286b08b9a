package org.relaydesk.notification.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.relaydesk.notification.service.BusinessWindow;

/** "Now" as a bean, so that tests can move time; and the configured business window. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    BusinessWindow businessWindow(NotificationConfig config) {
        NotificationConfig.Business b = config.business();
        return new BusinessWindow(b.zone(), b.days(), b.start(), b.end());
    }
}
