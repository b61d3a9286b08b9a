package org.relaydesk.search.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Invalid search or report parameters answer 400 with a problem body. */
public class BadRequestMapper {

    @ServerExceptionMapper
    public Response invalid(IllegalArgumentException e) {
        return Response.status(400).type("application/problem+json")
                .entity(Map.of("title", "Bad Request", "status", 400, "detail", String.valueOf(e.getMessage()))).build();
    }
}
