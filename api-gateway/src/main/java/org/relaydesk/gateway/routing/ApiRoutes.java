package org.relaydesk.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.relaydesk.gateway.config.GatewayConfig;

/**
 * Reverse-proxies {@code /api/...} to the owning service with Vert.x's HTTP proxy. Every request
 * gets an {@code X-Request-Id} (kept if the caller sent one) that travels to the service and back.
 */
@ApplicationScoped
public class ApiRoutes {

    private static final Logger LOG = Logger.getLogger(ApiRoutes.class);
    public static final String REQUEST_ID = "X-Request-Id";

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    void register(@Observes Router router) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(2000)
                .setIdleTimeout((int) config.upstreamTimeout().toSeconds())
                .setKeepAlive(true)
                .setMaxPoolSize(64));
        List<Map.Entry<String, String>> routes = config.routes().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .toList();
        for (Map.Entry<String, String> route : routes) {
            GatewayConfig.Upstream upstream = config.services().get(route.getValue());
            if (upstream == null) {
                throw new IllegalStateException("route " + route.getKey() + " names unknown service " + route.getValue());
            }
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .originSelector(req -> Future.succeededFuture(
                            SocketAddress.inetSocketAddress(upstream.port(), upstream.host())))
                    .addInterceptor(new RequestIdInterceptor());
            router.route(route.getKey() + "*").order(10).handler(rc -> {
                String requestId = rc.request().getHeader(REQUEST_ID);
                if (requestId == null || requestId.isBlank() || requestId.length() > 128) {
                    rc.request().headers().set(REQUEST_ID, UUID.randomUUID().toString());
                }
                proxy.handle(rc.request());
            });
            LOG.infof("route %s* -> %s (%s:%d)", route.getKey(), route.getValue(), upstream.host(), upstream.port());
        }
    }

    /** Echoes the request id on the response so callers can quote it. */
    static final class RequestIdInterceptor implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest();
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            String requestId = context.request().headers().get(REQUEST_ID);
            context.response().headers().set(REQUEST_ID, requestId);
            return context.sendResponse();
        }
    }
}
