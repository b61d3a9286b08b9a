package org.relaydesk.search.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Settings of the search-service. */
@ConfigMapping(prefix = "relaydesk.search")
public interface SearchConfig {

    /** Prefix of every index and alias name, so tests (or several installations) can share one Elasticsearch. */
    @WithDefault("relaydesk-")
    String indexPrefix();

    /** Delete this instance's indices on shutdown (tests only). */
    @WithDefault("false")
    boolean deleteIndicesOnShutdown();

    /**
     * Queue id to RelayDesk group name: the seed of the queue permission read model. ticket-service
     * owns the real table (queue -> group -> Keycloak group); events carry no group, so this map must
     * be kept in step with the queue administration.
     */
    Map<String, String> queueGroups();

    /**
     * How often the queue permissions are read from ticket-service's admin API (queues, group
     * grants); 0 turns it off and only {@link #queueGroups()} applies.
     */
    @WithDefault("5M")
    Duration permissionsRefresh();

    /** Role that sees every queue. */
    @WithDefault("admin")
    String adminRole();

    /** Text extraction from attachments (Apache Tika) into the search index. */
    Attachments attachments();

    interface Attachments {
        /** Extract attachment text at all; off: only attachment names are searchable. */
        @WithDefault("true")
        boolean enabled();

        /** Attachments larger than this (bytes, from ticket-service's metadata) are skipped. */
        @WithDefault("20971520")
        long maxBytes();

        /** At most this many characters of text are kept per attachment (the rest is cut off). */
        @WithDefault("200000")
        int maxChars();

        /** A parse that takes longer is abandoned and the attachment skipped (hangs, decompression bombs). */
        @WithDefault("60S")
        Duration parseTimeout();

        /** How often the worker looks for due extractions when it found none. */
        @WithDefault("2S")
        Duration pollInterval();

        /** Articles claimed per round. */
        @WithDefault("5")
        int batchSize();

        /** First retry delay after a failure (ticket-service or Elasticsearch unreachable); doubles up to {@link #maxRetryDelay()}. */
        @WithDefault("10S")
        Duration retryDelay();

        @WithDefault("30M")
        Duration maxRetryDelay();

        /** A claimed article is taken up again after this long if its worker died (the claim's lease). */
        @WithDefault("10M")
        Duration lease();
    }

    /** ticket-service, the source of a reindex and of attachment bytes. */
    TicketService ticketService();

    interface TicketService {
        /** Base URL of ticket-service. */
        @WithDefault("http://127.0.0.1:8081")
        String url();

        /** Token endpoint for the service account used by the reindex. */
        @WithDefault("http://127.0.0.1:8180/realms/relaydesk/protocol/openid-connect/token")
        String tokenUrl();

        @WithDefault("relaydesk-service")
        String clientId();

        @WithDefault("relaydesk-service-secret")
        String clientSecret();

        /** Timeout of one call. */
        @WithDefault("10S")
        Duration timeout();

        /** Tickets per page while reindexing. */
        @WithDefault("200")
        int pageSize();
    }
}
