package org.relaydesk.mailgateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.relaydesk.mailgateway.api.PostmasterFilterRequest;
import org.relaydesk.mailgateway.api.PostmasterFilterView;
import org.relaydesk.mailgateway.service.MailAdminService;

/** Postmaster filters: admin rules that route, prioritise, mark junk or ignore inbound mail. */
@Path("/api/mail/postmaster-filters")
@Tag(name = "Postmaster filters")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PostmasterFilterResource {

    @Inject
    MailAdminService admin;

    @GET
    @Operation(summary = "List postmaster filters in evaluation order")
    public List<PostmasterFilterView> list() {
        return admin.filters();
    }

    @POST
    @Operation(summary = "Create a postmaster filter (conditions and actions are checked)")
    public RestResponse<PostmasterFilterView> create(@NotNull @Valid PostmasterFilterRequest request) {
        PostmasterFilterView f = admin.createFilter(request);
        return RestResponse.ResponseBuilder.<PostmasterFilterView>created(URI.create("/api/mail/postmaster-filters/" + f.id()))
                .entity(f).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a postmaster filter")
    public PostmasterFilterView update(@PathParam("id") UUID id, @NotNull @Valid PostmasterFilterRequest request) {
        return admin.updateFilter(id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a postmaster filter")
    public void delete(@PathParam("id") UUID id) {
        admin.deleteFilter(id);
    }
}
