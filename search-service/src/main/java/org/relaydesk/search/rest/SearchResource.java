package org.relaydesk.search.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.relaydesk.search.api.TicketSearchRequest;
import org.relaydesk.search.api.TicketSearchResult;
import org.relaydesk.search.service.TicketSearch;

/** Ticket search for agents, limited to the queues their groups may read (admins: all). */
@Path("/api/search/tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "admin"})
public class SearchResource {

    @Inject
    TicketSearch search;

    @Inject
    CurrentCaller caller;

    /**
     * The tickets of one page as a JSON array (the original shape of this call); the cursor of the
     * next page is in the {@code X-Next-Cursor} header, the total in {@code X-Total-Count}.
     */
    @GET
    @Operation(summary = "Search tickets; the page as a JSON array of tickets (next page cursor in X-Next-Cursor)")
    public Response list(@BeanParam SearchParams params) {
        TicketSearchRequest r = params.toRequest();
        if (params.onlyText() && (r.q() == null || r.q().isBlank())) {
            throw new IllegalArgumentException("q must not be blank");
        }
        // the array carries tickets only: no highlights or counts to compute
        TicketSearchRequest plain = new TicketSearchRequest(r.q(), r.number(), r.title(), r.queue(), r.queueId(), r.state(),
                r.stateType(), r.priority(), r.owner(), r.responsible(), r.lock(), r.customerUserId(), r.customerId(),
                r.service(), r.type(), r.created(), r.changed(), r.closed(), r.dynamicFields(), r.escalated(), r.sort(),
                r.cursor(), r.size(), false, false);
        TicketSearchResult result = search.search(plain, caller.agentScope());
        List<Map<String, Object>> tickets = result.hits().stream().map(TicketSearchResult.Hit::ticket).toList();
        Response.ResponseBuilder response = Response.ok(tickets).header("X-Total-Count", result.total());
        if (result.nextCursor() != null) {
            response.header("X-Next-Cursor", result.nextCursor());
        }
        return response.build();
    }

    /** The full result (hits with highlights, counts per queue and state, next cursor) for query parameters. */
    @GET
    @Path("/page")
    @Operation(summary = "Search tickets with query parameters; hits, highlights, counts and cursor")
    public TicketSearchResult page(@BeanParam SearchParams params) {
        return search.search(params.toRequest(), caller.agentScope());
    }

    /** The full result for a JSON body. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search tickets with a JSON body; hits, highlights, counts and cursor")
    public TicketSearchResult post(TicketSearchRequest request) {
        return search.search(request == null ? TicketSearchRequest.ofQuery(null, 20) : request, caller.agentScope());
    }
}
