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
import org.relaydesk.ticket.TicketType;
import org.relaydesk.ticket.rest.admin.AdminDtos.TypeDto;
import org.relaydesk.ticket.service.AdminCrud;

/** Admin CRUD of ticket types. */
@Path("/api/admin/types")
@Tag(name = "Admin: ticket types")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TypeAdminResource {

    @Inject
    AdminCrud crud;

    @GET
    public List<TypeDto> list() {
        return crud.all(TicketType.class, "id").stream().map(TypeAdminResource::dto).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TypeDto get(@PathParam("id") Integer id) {
        return dto(crud.find(TicketType.class, id));
    }

    @POST
    @Transactional
    public RestResponse<TypeDto> create(@NotNull @Valid TypeDto body) {
        TicketType e = new TicketType();
        apply(e, body);
        crud.save(e);
        return RestResponse.ResponseBuilder.<TypeDto>created(URI.create("/api/admin/types/" + e.id)).entity(dto(e)).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public TypeDto update(@PathParam("id") Integer id, @NotNull @Valid TypeDto body) {
        TicketType e = crud.find(TicketType.class, id);
        apply(e, body);
        crud.save(e);
        return dto(e);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") Integer id) {
        crud.delete(crud.find(TicketType.class, id));
    }

    static TypeDto dto(TicketType e) {
        return new TypeDto(e.id, e.name, e.valid);
    }

    private void apply(TicketType e, TypeDto b) {
        e.name = b.name().strip();
        e.valid = AdminDtos.valid(b.valid());
    }
}
