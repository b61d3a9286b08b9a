package org.relaydesk.ticket.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relaydesk.ticket.api.CustomerDetailView;
import org.relaydesk.ticket.service.CustomerDetailService;

/** The customer detail view for agents. */
@Path("/api/customers")
@Tag(name = "Customers")
@RolesAllowed({"agent", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class CustomerDetailResource {

    @Inject
    CurrentActor actor;
    @Inject
    CustomerDetailService details;

    @GET
    @Path("/{customerId}/detail")
    @Operation(summary = "Open/closed counts (also per service), open tickets, pending reminders, escalated tickets and customer users")
    public CustomerDetailView detail(@PathParam("customerId") String customerId) {
        return details.detail(actor.get(), customerId);
    }
}
