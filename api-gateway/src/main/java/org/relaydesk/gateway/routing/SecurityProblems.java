package org.relaydesk.gateway.routing;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Gives the gateway's own 401 and 403 answers (missing, expired, forged or foreign tokens) an
 * RFC 9457 problem body like every service's, with the Bearer challenge.
 */
@ApplicationScoped
public class SecurityProblems {

    void register(@Observes Router router) {
        router.route().order(-1000).failureHandler(this::handle);
    }

    /** Answers 401 with a problem body and the Bearer challenge. */
    static void unauthorized(RoutingContext rc) {
        write(rc, 401, "Unauthorized");
    }

    private void handle(RoutingContext rc) {
        Throwable failure = rc.failure();
        int status;
        String title;
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            status = 401;
            title = "Unauthorized";
        } else if (failure instanceof ForbiddenException) {
            status = 403;
            title = "Forbidden";
        } else {
            rc.next();
            return;
        }
        if (rc.response().ended()) {
            return;
        }
        write(rc, status, title);
    }

    private static void write(RoutingContext rc, int status, String title) {
        String requestId = rc.request().getHeader(ApiRoutes.REQUEST_ID);
        if (status == 401) {
            rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"relaydesk\"");
        }
        rc.response().setStatusCode(status)
                .putHeader("Content-Type", Problems.CONTENT_TYPE)
                .end(Problems.body(status, title,
                        status == 401 ? "a valid bearer token of the relaydesk realm is required" : "not allowed",
                        rc.request().uri(), requestId));
    }
}
