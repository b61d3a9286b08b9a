package org.relaydesk.mailgateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relaydesk.mailgateway.OutboundMail;
import org.relaydesk.mailgateway.OutboundStatus;
import org.relaydesk.mailgateway.api.OutboundMailView;
import org.relaydesk.mailgateway.repository.OutboundMailRepository;
import org.relaydesk.mailgateway.service.OutboundQueue;

/** The outbound queue and its history: what was sent, what waits, what failed; failed mail can be sent again. */
@Path("/api/mail/outbound")
@Tag(name = "Outbound mail")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class OutboundMailResource {

    @Inject
    OutboundMailRepository outbound;
    @Inject
    Event<OutboundQueue.Queued> queued;

    @GET
    @Transactional
    @Operation(summary = "Outbound mails, newest first, optionally of one status (QUEUED, SENT, FAILED) or one ticket")
    public List<OutboundMailView> list(@QueryParam("status") OutboundStatus status, @QueryParam("ticketId") Long ticketId,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        int n = Math.max(1, Math.min(limit, 1000));
        var query = ticketId != null
                ? status == null ? outbound.find("ticketId = ?1 order by createdAt desc", ticketId)
                        : outbound.find("ticketId = ?1 and status = ?2 order by createdAt desc", ticketId, status)
                : status == null ? outbound.find("order by createdAt desc")
                        : outbound.find("status = ?1 order by createdAt desc", status);
        return query.page(0, n).list().stream().map(OutboundMailView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One outbound mail")
    public OutboundMailView get(@PathParam("id") UUID id) {
        return OutboundMailView.of(mail(id));
    }

    @POST
    @Path("/{id}/retry")
    @Transactional
    @Operation(summary = "Send a FAILED mail again (e.g. after fixing the relay or the address); the result is reported again")
    public OutboundMailView retry(@PathParam("id") UUID id) {
        OutboundMail o = mail(id);
        if (o.status != OutboundStatus.FAILED) {
            throw ApiProblem.conflict("only FAILED mail can be sent again; this one is " + o.status);
        }
        if (o.to == null || o.to.isBlank()) {
            throw ApiProblem.conflict("the mail has no recipient");
        }
        o.status = OutboundStatus.QUEUED;
        o.attempts = 0;
        o.nextAttemptAt = Instant.now();
        queued.fire(new OutboundQueue.Queued(o.id));
        return OutboundMailView.of(o);
    }

    private OutboundMail mail(UUID id) {
        return outbound.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("outbound mail", id));
    }
}
