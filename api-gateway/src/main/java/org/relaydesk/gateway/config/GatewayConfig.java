package org.relaydesk.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Where the gateway sends each API path, and how much traffic it lets through. */
@ConfigMapping(prefix = "relaydesk.gateway")
public interface GatewayConfig {

    /** Upstream services by name. */
    Map<String, Upstream> services();

    /** Path prefixes (longest wins) to the name of the service that owns them. */
    Map<String, String> routes();

    /** How long an upstream may take to answer before the caller gets 504. */
    @WithDefault("30s")
    Duration upstreamTimeout();

    /** How long connecting to an upstream may take before the caller gets 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Requests per second one user (token subject) may make. */
    @WithDefault("50")
    int userRequestsPerSecond();

    /** Requests per second one OAuth client (token {@code azp}) may make, all its users together. */
    @WithDefault("500")
    int clientRequestsPerSecond();

    /** API path prefixes reachable without a token (the public FAQ). */
    @WithDefault("/api/faq/public")
    java.util.List<String> publicPrefixes();

    interface Upstream {
        @WithDefault("127.0.0.1")
        String host();

        int port();
    }
}
