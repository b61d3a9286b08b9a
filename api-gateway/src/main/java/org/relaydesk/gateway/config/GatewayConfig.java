package org.relaydesk.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where the gateway sends each API path. */
@ConfigMapping(prefix = "relaydesk.gateway")
public interface GatewayConfig {

    /** Upstream services by name. */
    Map<String, Upstream> services();

    /** Path prefixes (longest wins) to the name of the service that owns them. */
    Map<String, String> routes();

    /** How long an upstream may take before the caller gets 504. */
    @WithDefault("30s")
    Duration upstreamTimeout();

    interface Upstream {
        @WithDefault("127.0.0.1")
        String host();

        int port();
    }

    /** Paths reachable without a token (health, public FAQ). */
    @WithDefault("/api/faq/public")
    List<String> publicPrefixes();
}
