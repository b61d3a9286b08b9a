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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.relaydesk.search.api.TicketSearchRequest;
import org.relaydesk.search.api.TicketSearchResult;
import org.relaydesk.search.service.TicketSearch;

/**
 * Ticket search for customers (customer portal): only tickets whose customer user is the caller
 * (login or e-mail), and only customer-visible article text is searched and highlighted.
 */
@Path("/api/search/portal/tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("customer")
public class PortalSearchResource {

    @Inject
    TicketSearch search;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Search the caller's own tickets (customer)")
    public TicketSearchResult get(@BeanParam SearchParams params) {
        return search.search(params.toRequest(), caller.customerScope());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search the caller's own tickets (customer), JSON body")
    public TicketSearchResult post(TicketSearchRequest request) {
        return search.search(request == null ? TicketSearchRequest.ofQuery(null, 20) : request, caller.customerScope());
    }
}
