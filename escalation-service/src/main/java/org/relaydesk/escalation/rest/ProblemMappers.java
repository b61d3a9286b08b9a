package org.relaydesk.escalation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps the API's refusals to RFC 9457 problem bodies, in the shape ticket-service and the
 * mail-gateway use: {@code type} {@code /problems/<kind>}, {@code title}, {@code status},
 * {@code detail}, {@code instance} (the request path).
 */
public class ProblemMappers {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem body. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String type, String title, int status, String detail, String instance) {
    }

    @ServerExceptionMapper
    public Response problem(ApiProblem e, UriInfo uri) {
        Response.ResponseBuilder r = Response.status(e.status()).type(MEDIA_TYPE).entity(new Problem(
                "/problems/" + e.kind(), e.title(), e.status(), e.getMessage(), uri == null ? null : uri.getPath()));
        if (e.status() == 503) {
            r.header("Retry-After", "5");
        }
        return r.build();
    }
}
