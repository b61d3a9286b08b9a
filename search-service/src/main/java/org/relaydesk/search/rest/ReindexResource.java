package org.relaydesk.search.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.relaydesk.search.service.ReindexJob;

/** Rebuilds the indices from ticket-service (admin) and reports progress. */
@Path("/api/search/reindex")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class ReindexResource {

    @Inject
    ReindexJob job;

    @POST
    @Operation(summary = "Start a reindex from ticket-service into new indices, then swap the aliases (202; 409 while one runs)")
    public Response start() {
        boolean started = job.start();
        return Response.status(started ? 202 : 409).entity(job.progress()).build();
    }

    @GET
    @Operation(summary = "Progress of the current or last reindex")
    public ReindexJob.Progress progress() {
        return job.progress();
    }
}
