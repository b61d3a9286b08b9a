package org.relaydesk.gateway.routing;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.relaydesk.gateway.config.GatewayConfig;
import org.relaydesk.gateway.ratelimit.RateLimits;

/**
 * Reverse-proxies {@code /api/...} to the owning service with Vert.x's HTTP proxy.
 *
 * <p>Every request gets an {@code X-Request-Id} (kept if the caller sent a sane one) that travels
 * to the service and back. Requests over the caller's rate get 429 with {@code Retry-After}. When
 * the service cannot be reached the caller gets a problem body: 503 when nothing answers, 504 when
 * it answers too slowly, 502 for any other upstream failure — never a hang.
 */
@ApplicationScoped
public class ApiRoutes {

    private static final Logger LOG = Logger.getLogger(ApiRoutes.class);
    public static final String REQUEST_ID = "X-Request-Id";

    @Inject
    GatewayConfig config;

    @Inject
    RateLimits rateLimits;

    @Inject
    Vertx vertx;

    void register(@Observes Router router) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(64));
        List<Map.Entry<String, String>> routes = config.routes().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .toList();
        for (Map.Entry<String, String> route : routes) {
            String service = route.getValue();
            GatewayConfig.Upstream upstream = config.services().get(service);
            if (upstream == null) {
                throw new IllegalStateException("route " + route.getKey() + " names unknown service " + service);
            }
            HttpProxy proxy = proxyTo(client, upstream).addInterceptor(new UpstreamInterceptor(service));
            router.route(route.getKey() + "*").order(10).handler(rc -> {
                String requestId = rc.request().getHeader(REQUEST_ID);
                if (requestId == null || requestId.isBlank() || requestId.length() > 128) {
                    rc.request().headers().set(REQUEST_ID, UUID.randomUUID().toString());
                }
                if (!authenticated(rc) && !isPublic(rc.normalizedPath())) {
                    SecurityProblems.unauthorized(rc);
                    return;
                }
                if (rateLimits.admit(rc)) {
                    proxy.handle(rc.request());
                }
            });
            LOG.infof("route %s* -> %s (%s:%d)", route.getKey(), service, upstream.host(), upstream.port());
        }
        registerOpenApi(router, client);
    }

    /** A reverse proxy to one upstream, with the configured connect and answer timeouts. */
    private HttpProxy proxyTo(HttpClient client, GatewayConfig.Upstream upstream) {
        SocketAddress origin = SocketAddress.inetSocketAddress(upstream.port(), upstream.host());
        return HttpProxy.reverseProxy(client)
                .origin(context -> context.client().request(new RequestOptions()
                        .setServer(origin)
                        .setConnectTimeout(config.connectTimeout().toMillis())
                        .setIdleTimeout(config.upstreamTimeout().toMillis())));
    }

    /**
     * {@code /openapi/<service>} serves that service's OpenAPI document through the gateway, so
     * the gateway's Swagger UI lists every service's API from one origin.
     */
    private void registerOpenApi(Router router, HttpClient client) {
        config.services().forEach((service, upstream) -> {
            HttpProxy proxy = proxyTo(client, upstream)
                    .addInterceptor(new ProxyInterceptor() {
                        @Override
                        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                            context.request().setURI("/q/openapi?format=json");
                            return context.sendRequest();
                        }
                    })
                    .addInterceptor(new UpstreamInterceptor(service));
            router.get("/openapi/" + service).order(10).handler(rc -> proxy.handle(rc.request()));
        });
    }

    private static boolean authenticated(io.vertx.ext.web.RoutingContext rc) {
        return rc.user() instanceof io.quarkus.vertx.http.runtime.security.QuarkusHttpUser user
                && !user.getSecurityIdentity().isAnonymous();
    }

    private boolean isPublic(String path) {
        return config.publicPrefixes().stream().anyMatch(path::startsWith);
    }

    /** Echoes the request id and turns upstream failures into problem bodies. */
    static final class UpstreamInterceptor implements ProxyInterceptor {

        private final String service;

        UpstreamInterceptor(String service) {
            this.service = service;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> Future.succeededFuture(problem(context, failure)));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            ProxyResponse response = context.response();
            String requestId = context.request().headers().get(REQUEST_ID);
            response.headers().set(REQUEST_ID, requestId);
            if (response.getStatusCode() >= 400 && hasNoBody(response)) {
                // e.g. a service's bare 403 from a role check: callers always get a problem body
                String title = HttpResponseStatus.valueOf(response.getStatusCode()).reasonPhrase();
                String body = Problems.body(response.getStatusCode(), title, service + " answered " + response.getStatusCode(),
                        context.request().getURI(), requestId);
                response.headers().remove("Content-Length");
                response.putHeader("Content-Type", Problems.CONTENT_TYPE);
                response.setBody(Body.body(Buffer.buffer(body)));
            }
            return context.sendResponse();
        }

        private static boolean hasNoBody(ProxyResponse response) {
            String contentType = response.headers().get("Content-Type");
            String length = response.headers().get("Content-Length");
            return (contentType == null || contentType.isBlank())
                    && ("0".equals(length) || response.getBody() == null || response.getBody().length() == 0);
        }

        private ProxyResponse problem(ProxyContext context, Throwable failure) {
            int status;
            String title;
            String detail;
            if (isTimeout(failure)) {
                status = 504;
                title = "Gateway Timeout";
                detail = service + " did not answer in time";
            } else if (failure instanceof ConnectException || String.valueOf(failure.getMessage()).contains("Connection refused")) {
                status = 503;
                title = "Service Unavailable";
                detail = service + " is not reachable";
            } else {
                status = 502;
                title = "Bad Gateway";
                detail = service + " failed: " + failure.getClass().getSimpleName();
            }
            String requestId = context.request().headers().get(REQUEST_ID);
            LOG.warnf("request %s to %s failed: %s", requestId, service, failure.toString());
            String body = Problems.body(status, title, detail, context.request().getURI(), requestId);
            ProxyResponse response = context.request().response()
                    .setStatusCode(status)
                    .setStatusMessage(title)
                    .setBody(Body.body(Buffer.buffer(body)));
            response.headers().clear();
            response.putHeader("Content-Type", Problems.CONTENT_TYPE);
            if (status == 503) {
                response.putHeader("Retry-After", "5");
            }
            return response;
        }

        private static boolean isTimeout(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")
                        || String.valueOf(t.getMessage()).contains("timeout")) {
                    return true;
                }
            }
            return false;
        }
    }
}
