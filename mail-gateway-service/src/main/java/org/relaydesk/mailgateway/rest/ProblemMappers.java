package org.relaydesk.mailgateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps the API's refusals to RFC 9457 problem bodies. */
public class ProblemMappers {

    /** The problem body. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String type, String title, int status, String detail) {
    }

    @ServerExceptionMapper
    public Response problem(ApiProblem e) {
        return Response.status(e.status()).type("application/problem+json")
                .entity(new Problem("/problems/" + e.kind(), e.title(), e.status(), e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return Response.status(409).type("application/problem+json")
                .entity(new Problem("/problems/conflict", "Conflict", 409, "changed by someone else meanwhile; reload and retry"))
                .build();
    }
}
