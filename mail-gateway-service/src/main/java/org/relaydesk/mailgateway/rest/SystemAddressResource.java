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
import org.relaydesk.mailgateway.api.SystemAddressRequest;
import org.relaydesk.mailgateway.api.SystemAddressView;
import org.relaydesk.mailgateway.service.MailAdminService;

/** System addresses: queue e-mail addresses, for routing inbound mail and as the From of outbound mail. */
@Path("/api/mail/system-addresses")
@Tag(name = "System addresses")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SystemAddressResource {

    @Inject
    MailAdminService admin;

    @GET
    @Operation(summary = "List system addresses")
    public List<SystemAddressView> list() {
        return admin.systemAddresses();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One system address")
    public SystemAddressView get(@PathParam("id") UUID id) {
        return admin.systemAddress(id);
    }

    @POST
    @Operation(summary = "Create a system address")
    public RestResponse<SystemAddressView> create(@NotNull @Valid SystemAddressRequest request) {
        SystemAddressView a = admin.createSystemAddress(request);
        return RestResponse.ResponseBuilder.<SystemAddressView>created(URI.create("/api/mail/system-addresses/" + a.id()))
                .entity(a).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a system address")
    public SystemAddressView update(@PathParam("id") UUID id, @NotNull @Valid SystemAddressRequest request) {
        return admin.updateSystemAddress(id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a system address")
    public void delete(@PathParam("id") UUID id) {
        admin.deleteSystemAddress(id);
    }
}
