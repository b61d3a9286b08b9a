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
import org.relaydesk.ticket.AutoResponse;
import org.relaydesk.ticket.SystemAddress;
import org.relaydesk.ticket.rest.admin.AdminDtos.AutoResponseDto;
import org.relaydesk.ticket.service.AdminCrud;

/** Admin CRUD of auto responses. */
@Path("/api/admin/auto-responses")
@Tag(name = "Admin: auto responses")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AutoResponseAdminResource {

    @Inject
    AdminCrud crud;

    @GET
    public List<AutoResponseDto> list() {
        return crud.all(AutoResponse.class, "id").stream().map(AutoResponseAdminResource::dto).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public AutoResponseDto get(@PathParam("id") Integer id) {
        return dto(crud.find(AutoResponse.class, id));
    }

    @POST
    @Transactional
    public RestResponse<AutoResponseDto> create(@NotNull @Valid AutoResponseDto body) {
        AutoResponse e = new AutoResponse();
        apply(e, body);
        crud.save(e);
        return RestResponse.ResponseBuilder.<AutoResponseDto>created(URI.create("/api/admin/auto-responses/" + e.id)).entity(dto(e)).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public AutoResponseDto update(@PathParam("id") Integer id, @NotNull @Valid AutoResponseDto body) {
        AutoResponse e = crud.find(AutoResponse.class, id);
        apply(e, body);
        crud.save(e);
        return dto(e);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") Integer id) {
        crud.delete(crud.find(AutoResponse.class, id));
    }

    static AutoResponseDto dto(AutoResponse e) {
        return new AutoResponseDto(e.id, e.name, e.type, e.subject, e.body, e.systemAddressId, e.comment, e.valid);
    }

    private void apply(AutoResponse e, AutoResponseDto b) {
        crud.reference(SystemAddress.class, b.systemAddressId(), "systemAddressId");
        e.name = b.name().strip();
        e.type = b.type();
        e.subject = b.subject();
        e.body = b.body();
        e.systemAddressId = b.systemAddressId();
        e.comment = b.comment();
        e.valid = AdminDtos.valid(b.valid());
    }
}
