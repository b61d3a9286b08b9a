package org.relaydesk.ticket.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.relaydesk.ticket.api.CreateTicketRequest;
import org.relaydesk.ticket.api.HistoryView;
import org.relaydesk.ticket.api.Requests;
import org.relaydesk.ticket.api.TicketPage;
import org.relaydesk.ticket.api.TicketView;
import org.relaydesk.ticket.service.BulkService;
import org.relaydesk.ticket.service.TicketCreation;
import org.relaydesk.ticket.service.TicketQueries;
import org.relaydesk.ticket.service.TicketService;

/**
 * Tickets for agents and other systems. Reads return an ETag (the ticket's version); every write
 * accepts If-Match and answers 412 when the ticket changed in between.
 */
@Path("/api/tickets")
@Tag(name = "Tickets")
@RolesAllowed({"agent", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketResource {

    @Inject
    CurrentActor actor;
    @Inject
    TicketCreation creation;
    @Inject
    TicketService tickets;
    @Inject
    TicketQueries queries;
    @Inject
    BulkService bulk;

    @POST
    @Operation(summary = "Create a ticket with its first article (phone, email, web or api origin); with an owner it is locked to that owner. "
            + "An inbound mail whose Message-ID is known returns the existing ticket with 200.")
    public RestResponse<TicketView> create(@NotNull @Valid CreateTicketRequest request) {
        TicketCreation.Created created = creation.create(actor.get(), request);
        TicketView t = created.ticket();
        return (created.created()
                ? RestResponse.ResponseBuilder.<TicketView>created(URI.create("/api/tickets/" + t.id()))
                : RestResponse.ResponseBuilder.<TicketView>ok())
                .entity(t).tag(ETags.of(t.version())).build();
    }

    @GET
    @Operation(summary = "List tickets the caller may read, filtered, sorted and cursor-paged")
    public TicketPage<TicketView> list(@BeanParam TicketListParams params) {
        return queries.list(actor.get(), params.toQuery(), params.limit());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a ticket with its articles")
    public RestResponse<TicketView> get(@PathParam("id") long id,
            @QueryParam("articles") @DefaultValue("true") boolean articles) {
        return withTag(queries.get(actor.get(), id, articles));
    }

    @GET
    @Path("/by-number/{number}")
    @Operation(summary = "Get a ticket by its number (e.g. from a mail's [Ticket#...] subject tag)")
    public RestResponse<TicketView> byNumber(@PathParam("number") String number,
            @QueryParam("articles") @DefaultValue("true") boolean articles) {
        return withTag(queries.byNumber(actor.get(), number, articles));
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change title, type, service, SLA and dynamic fields")
    public RestResponse<TicketView> update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid Requests.UpdateTicket request) {
        return withTag(tickets.update(actor.get(), id, ETags.expected(ifMatch), request));
    }

    @POST
    @Path("/{id}/move")
    @Operation(summary = "Move to another queue, optionally with a note and a new owner (needs move_into on both queues)")
    public RestResponse<TicketView> move(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid Requests.Move request) {
        return withTag(tickets.move(actor.get(), id, ETags.expected(ifMatch), request));
    }

    @PUT
    @Path("/{id}/owner")
    @Operation(summary = "Set the owner")
    public RestResponse<TicketView> owner(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid Requests.Owner request) {
        return withTag(tickets.owner(actor.get(), id, ETags.expected(ifMatch), request));
    }

    @PUT
    @Path("/{id}/responsible")
    @Operation(summary = "Set or clear the responsible agent")
    public RestResponse<TicketView> responsible(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid Requests.Responsible request) {
        return withTag(tickets.responsible(actor.get(), id, ETags.expected(ifMatch), request));
    }

    @POST
    @Path("/{id}/lock")
    @Operation(summary = "Lock the ticket to the caller, who becomes its owner (409 when someone else holds the lock)")
    public RestResponse<TicketView> lock(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return withTag(tickets.lock(actor.get(), id, ETags.expected(ifMatch)));
    }

    @POST
    @Path("/{id}/unlock")
    @Operation(summary = "Unlock (the lock holder, or an admin)")
    public RestResponse<TicketView> unlock(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return withTag(tickets.unlock(actor.get(), id, ETags.expected(ifMatch)));
    }

    @PUT
    @Path("/{id}/state")
    @Operation(summary = "Set the state; pending states need pendingUntil")
    public RestResponse<TicketView> state(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid Requests.State request) {
        return withTag(tickets.state(actor.get(), id, ETags.expected(ifMatch), request));
    }

    @POST
    @Path("/{id}/pending")
    @Operation(summary = "Set a pending state (default 'pending reminder') with a pending time (default now + 7 days)")
    public RestResponse<TicketView> pending(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid Requests.Pending request) {
        Requests.Pending r = request == null ? new Requests.Pending(null, null, null) : request;
        return withTag(tickets.pending(actor.get(), id, ETags.expected(ifMatch), r));
    }

    @POST
    @Path("/{id}/close")
    @Operation(summary = "Close (default state 'closed successful'), optionally with a note")
    public RestResponse<TicketView> close(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid Requests.Close request) {
        Requests.Close r = request == null ? new Requests.Close(null, null) : request;
        return withTag(tickets.close(actor.get(), id, ETags.expected(ifMatch), r));
    }

    @PUT
    @Path("/{id}/priority")
    @Operation(summary = "Set the priority 1..5")
    public RestResponse<TicketView> priority(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid Requests.Priority request) {
        return withTag(tickets.priority(actor.get(), id, ETags.expected(ifMatch), request));
    }

    @PUT
    @Path("/{id}/customer")
    @Operation(summary = "Set the customer user and customer id")
    public RestResponse<TicketView> customer(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid Requests.Customer request) {
        return withTag(tickets.customer(actor.get(), id, ETags.expected(ifMatch), request));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of the ticket: type, who, when, old and new value, text")
    public List<HistoryView> history(@PathParam("id") long id) {
        return queries.history(actor.get(), id);
    }

    @POST
    @Path("/bulk")
    @Operation(summary = "Apply lock, state, move, owner, priority, note, unlock and seen to many tickets, all or nothing")
    public List<TicketView> bulk(@NotNull @Valid Requests.Bulk request) {
        return bulk.apply(actor.get(), request);
    }

    static RestResponse<TicketView> withTag(TicketView t) {
        return RestResponse.ResponseBuilder.ok(t).tag(ETags.of(t.version())).build();
    }
}
