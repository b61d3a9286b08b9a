package org.relaydesk.mailgateway.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relaydesk.mailgateway.fetch.MailboxFetcher;
import org.relaydesk.mailgateway.service.InboundProcessor;
import org.relaydesk.mailgateway.service.QuarantineService;

/** The quarantine: inbound mail that could not be parsed or processed, with the reason; replayable. */
@Path("/api/mail/quarantine")
@Tag(name = "Quarantine")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineResource {

    @Inject
    QuarantineService quarantine;
    @Inject
    InboundProcessor processor;
    @Inject
    MailboxFetcher fetcher;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "Quarantined mails, newest first; all=true includes those released by a replay")
    public List<QuarantineService.Entry> list(@QueryParam("all") @DefaultValue("false") boolean all,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return quarantine.list(all, Math.max(1, Math.min(limit, 1000)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One quarantine entry")
    public QuarantineService.Entry get(@PathParam("id") UUID id) {
        return quarantine.get(id).orElseThrow(() -> ApiProblem.notFound("quarantine entry", id));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Process the mail again now (after fixing the cause, e.g. adding a system address); "
            + "returns the outcome; a mail that fails again stays quarantined with the new reason")
    public InboundProcessor.Result replay(@PathParam("id") UUID id) {
        String by = identity.getPrincipal().getName();
        UUID mailId = quarantine.prepareReplay(id, by).orElseThrow(() -> ApiProblem.notFound("quarantine entry", id));
        InboundProcessor.Result result = processor.process(mailId);
        quarantine.released(id, by);
        if (result.status() != null && result.status().isFinal()) {
            fetcher.wakeAll();
        }
        return result;
    }
}
