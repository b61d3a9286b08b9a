package org.relaydesk.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/** Business settings of agent notifications. */
@ConfigMapping(prefix = "relaydesk.notification")
public interface NotificationConfig {

    /** Link to a ticket in the agent SPA; the ticket id is appended. */
    @WithDefault("http://127.0.0.1:8080/#/tickets/")
    String ticketLinkBase();

    /** Mail domain for agents whose address is unknown (they never saved preferences): {@code <username>@<domain>}. */
    @WithDefault("relaydesk.local")
    String mailDomain();

    /** Language of agents without preferences (en, nl or de). */
    @WithDefault("en")
    String defaultLanguage();

    /** How long ticket change hints are kept for Last-Event-ID resumes. */
    @WithDefault("1h")
    Duration hintRetention();

    /**
     * The fallback business window for escalation and pending-reminder mails (SPEC I3), used only for
     * events that do not carry {@code deliverFrom}/{@code businessDay}: escalation-service computes
     * those with the ticket's own calendar, and they win.
     */
    Business business();

    /** The business window. */
    interface Business {
        /** Time zone of the window. */
        @WithDefault("Europe/Amsterdam")
        ZoneId zone();

        /** Working days. */
        @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        Set<DayOfWeek> days();

        /** Start of the working day (local time). */
        @WithDefault("08:00")
        LocalTime start();

        /** End of the working day (local time, exclusive). */
        @WithDefault("17:00")
        LocalTime end();
    }

    /** The mail outbox relay. */
    Outbox outbox();

    /**
     * Which Keycloak groups may read and write a queue: the read model that filters queue followers
     * and picks the rw agents of escalations (QueueReaders).
     */
    Permissions permissions();

    /** The queue permission read model. */
    interface Permissions {
        /**
         * How often the model is read again from ticket-service's admin API, as a scheduler
         * interval ({@code 60s}, {@code 5m}); {@code off} never reads it: only the seed applies.
         */
        @WithDefault("60s")
        String refresh();

        /**
         * The model until the first successful read: queue id to the comma-separated Keycloak groups
         * that may read the queue ({@code ro} or {@code rw} on its RelayDesk group); the queue's
         * writer groups ({@link #queueWriters()}) read it too.
         */
        Map<String, String> queueReaders();

        /**
         * The model until the first successful read: queue id to the comma-separated Keycloak groups
         * with {@code rw} on its RelayDesk group (escalation recipients, SPEC I1). A queue listed only
         * in {@link #queueReaders()} has no writer group: only admins write it.
         */
        Map<String, String> queueWriters();
    }

    /** The mail outbox relay. */
    interface Outbox {
        /** Most mails published per round trip. */
        @WithDefault("200")
        int batchSize();

        /** How often to look for due rows (held mails are released by this poll). */
        @WithDefault("500ms")
        Duration pollInterval();

        /** How long to wait for Kafka to acknowledge a batch. */
        @WithDefault("10s")
        Duration sendTimeout();

        /** Longest retry delay while Kafka stays down. */
        @WithDefault("10s")
        Duration retryMax();
    }
}
