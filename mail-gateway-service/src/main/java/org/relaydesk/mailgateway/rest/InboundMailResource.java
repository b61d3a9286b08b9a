package org.relaydesk.mailgateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
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
import org.jboss.resteasy.reactive.RestResponse;
import org.relaydesk.mailgateway.InboundMail;
import org.relaydesk.mailgateway.InboundStatus;
import org.relaydesk.mailgateway.api.InboundMailView;
import org.relaydesk.mailgateway.repository.InboundMailRepository;
import org.relaydesk.mailgateway.service.InboundMailStore;
import org.relaydesk.mailgateway.service.InboundProcessor;

/**
 * The raw inbound store: every mail as received, with its processing state and the pipeline's
 * decisions; raw download for audit. {@code POST} takes a mail over HTTP (e.g. from an MTA's
 * pipe transport) exactly like a fetched one.
 */
@Path("/api/mail/inbound")
@Tag(name = "Inbound mail")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class InboundMailResource {

    /** The answer to a delivered mail. */
    public record Delivery(UUID id, boolean duplicate, InboundStatus status, String detail) {
    }

    @Inject
    InboundMailRepository mails;
    @Inject
    InboundMailStore store;
    @Inject
    InboundProcessor processor;

    @GET
    @Transactional
    @Operation(summary = "Stored mails, newest first, optionally of one status")
    public List<InboundMailView> list(@QueryParam("status") InboundStatus status,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        int n = Math.max(1, Math.min(limit, 1000));
        return (status == null ? mails.find("order by receivedAt desc") : mails.find("status = ?1 order by receivedAt desc", status))
                .page(0, n).list().stream().map(InboundMailView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One stored mail with its pipeline decisions")
    public InboundMailView get(@PathParam("id") UUID id) {
        return InboundMailView.of(mail(id));
    }

    @GET
    @Path("/{id}/raw")
    @Transactional
    @Produces("message/rfc822")
    @Operation(summary = "The mail exactly as received")
    public RestResponse<byte[]> raw(@PathParam("id") UUID id) {
        InboundMail m = mail(id);
        return RestResponse.ResponseBuilder.ok(m.raw, "message/rfc822")
                .header("Content-Disposition", "attachment; filename=\"" + m.id + ".eml\"").build();
    }

    @POST
    @Consumes({"message/rfc822", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Operation(summary = "Deliver a raw mail: stored first (deduplicated on the Message-ID), then processed; "
            + "202 with the outcome (RECEIVED means it waits for a retry)")
    public RestResponse<Delivery> deliver(byte[] raw) {
        InboundMailStore.Stored s = store.store(raw == null ? new byte[0] : raw, null, "http");
        if (!s.created()) {
            return RestResponse.ResponseBuilder.ok(new Delivery(s.id(), true, s.status(), "already received")).build();
        }
        InboundProcessor.Result r = processor.process(s.id());
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED,
                new Delivery(s.id(), false, r.status(), r.detail())).build();
    }

    private InboundMail mail(UUID id) {
        return mails.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("inbound mail", id));
    }
}
