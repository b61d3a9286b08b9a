package org.relaydesk.escalation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.relaydesk.escalation.repository.EscalationSettingsEntity.Scope;
import org.relaydesk.escalation.service.EscalationSettingsService;

/** Escalation settings per queue and per SLA (SPEC A1-A3, D, F2, K1); admins only. */
@Path("/api/escalation/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class EscalationSettingsResource {

    @Inject
    EscalationSettingsService service;

    @GET
    @Path("/queues/{queueId}")
    public EscalationSettingsDto queue(@PathParam("queueId") String queueId) {
        return service.get(Scope.QUEUE, queueId);
    }

    /** 201 created, 200 replaced, 400 invalid, 409 stale version; the queue's open tickets are recomputed. */
    @PUT
    @Path("/queues/{queueId}")
    public Response putQueue(@PathParam("queueId") String queueId, @Valid @NotNull EscalationSettingsDto settings) {
        return saved(service.put(Scope.QUEUE, queueId, settings));
    }

    @GET
    @Path("/slas/{slaId}")
    public EscalationSettingsDto sla(@PathParam("slaId") String slaId) {
        return service.get(Scope.SLA, slaId);
    }

    /** 201 created, 200 replaced, 400 invalid, 409 stale version; the SLA's open tickets are recomputed. */
    @PUT
    @Path("/slas/{slaId}")
    public Response putSla(@PathParam("slaId") String slaId, @Valid @NotNull EscalationSettingsDto settings) {
        return saved(service.put(Scope.SLA, slaId, settings));
    }

    private static Response saved(EscalationSettingsService.Saved saved) {
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(saved.settings()).build();
    }
}
