package org.relaydesk.ticket.rest.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.relaydesk.ticket.Queue;
import org.relaydesk.ticket.SystemAddress;
import org.relaydesk.ticket.rest.admin.AdminDtos.SystemAddressDto;
import org.relaydesk.ticket.service.AdminCrud;

/** Admin CRUD of system addresss. */
@Path("/api/admin/system-addresses")
@Tag(name = "Admin: system addresss")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SystemAddressAdminResource {

    @Inject
    AdminCrud crud;

    @GET
    public List<SystemAddressDto> list() {
        return crud.all(SystemAddress.class, "id").stream().map(SystemAddressAdminResource::dto).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public SystemAddressDto get(@PathParam("id") Integer id) {
        return dto(crud.find(SystemAddress.class, id));
    }

    @POST
    @Transactional
    public RestResponse<SystemAddressDto> create(@NotNull @Valid SystemAddressDto body) {
        SystemAddress e = new SystemAddress();
        apply(e, body);
        crud.save(e);
        return RestResponse.ResponseBuilder.<SystemAddressDto>created(URI.create("/api/admin/system-addresses/" + e.id)).entity(dto(e)).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public SystemAddressDto update(@PathParam("id") Integer id, @NotNull @Valid SystemAddressDto body) {
        SystemAddress e = crud.find(SystemAddress.class, id);
        apply(e, body);
        crud.save(e);
        return dto(e);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") Integer id) {
        crud.delete(crud.find(SystemAddress.class, id));
    }

    static SystemAddressDto dto(SystemAddress e) {
        return new SystemAddressDto(e.id, e.email, e.displayName, e.queueId, e.comment, e.valid);
    }

    private void apply(SystemAddress e, SystemAddressDto b) {
        crud.reference(Queue.class, b.queueId(), "queueId");
        e.email = b.email().strip();
        e.displayName = b.displayName().strip();
        e.queueId = b.queueId();
        e.comment = b.comment();
        e.valid = AdminDtos.valid(b.valid());
    }
}
