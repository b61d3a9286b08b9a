package org.relaydesk.search.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.relaydesk.search.service.TicketIndex;

/** Ticket search for agents. */
@Path("/api/search/tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "admin"})
public class SearchResource {

    @Inject
    TicketIndex index;

    /** Tickets by number prefix or title words. */
    @GET
    public List<Map<String, Object>> search(@QueryParam("q") @NotBlank String q,
                                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return index.find(q, size);
    }
}
