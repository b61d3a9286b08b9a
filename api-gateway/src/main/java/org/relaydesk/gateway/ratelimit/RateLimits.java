package org.relaydesk.gateway.ratelimit;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.relaydesk.gateway.config.GatewayConfig;
import org.relaydesk.gateway.routing.ApiRoutes;
import org.relaydesk.gateway.routing.Problems;

/**
 * Per-user and per-client rate limits (Resilience4j rate limiters, one per token subject and one
 * per OAuth client). A request over either limit is answered here with 429 and Retry-After.
 * Anonymous requests to public paths share one limiter per remote address.
 */
@ApplicationScoped
public class RateLimits {

    private final RateLimiterRegistry users;
    private final RateLimiterRegistry clients;

    @Inject
    public RateLimits(GatewayConfig config) {
        users = RateLimiterRegistry.of(perSecond(config.userRequestsPerSecond()));
        clients = RateLimiterRegistry.of(perSecond(config.clientRequestsPerSecond()));
    }

    private static RateLimiterConfig perSecond(int limit) {
        return RateLimiterConfig.custom()
                .limitForPeriod(limit)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** Returns true when the request may pass; otherwise has already answered 429. */
    public boolean admit(RoutingContext rc) {
        String user = "anonymous:" + rc.request().remoteAddress().hostAddress();
        String client = null;
        if (rc.user() instanceof QuarkusHttpUser httpUser) {
            SecurityIdentity identity = httpUser.getSecurityIdentity();
            if (!identity.isAnonymous()) {
                user = identity.getPrincipal().getName();
                if (identity.getPrincipal() instanceof JsonWebToken jwt) {
                    user = jwt.getSubject() != null ? jwt.getSubject() : user;
                    client = jwt.getClaim("azp");
                }
            }
        }
        RateLimiter userLimiter = users.rateLimiter(user);
        if (!userLimiter.acquirePermission()) {
            reject(rc, userLimiter, "user");
            return false;
        }
        if (client != null) {
            RateLimiter clientLimiter = clients.rateLimiter(client);
            if (!clientLimiter.acquirePermission()) {
                reject(rc, clientLimiter, "client");
                return false;
            }
        }
        return true;
    }

    private static void reject(RoutingContext rc, RateLimiter limiter, String scope) {
        long waitNanos = nanosUntilRefresh(limiter);
        long seconds = Math.max(1, (long) Math.ceil(waitNanos / 1e9));
        String requestId = rc.request().getHeader(ApiRoutes.REQUEST_ID);
        rc.response()
                .setStatusCode(429)
                .putHeader("Retry-After", Long.toString(seconds))
                .putHeader("Content-Type", Problems.CONTENT_TYPE)
                .putHeader(ApiRoutes.REQUEST_ID, requestId)
                .end(Problems.body(429, "Too Many Requests",
                        "rate limit of this " + scope + " exceeded; retry after " + seconds + " s",
                        rc.request().uri(), requestId));
    }

    private static long nanosUntilRefresh(RateLimiter limiter) {
        if (limiter instanceof io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter atomic) {
            return atomic.getDetailedMetrics().getNanosToWait();
        }
        return 1_000_000_000L;
    }
}
