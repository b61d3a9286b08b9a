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
import org.relaydesk.ticket.TicketState;
import org.relaydesk.ticket.rest.admin.AdminDtos.StateDto;
import org.relaydesk.ticket.service.AdminCrud;

/** Admin CRUD of states. */
@Path("/api/admin/states")
@Tag(name = "Admin: states")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StateAdminResource {

    @Inject
    AdminCrud crud;

    @GET
    public List<StateDto> list() {
        return crud.all(TicketState.class, "id").stream().map(StateAdminResource::dto).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public StateDto get(@PathParam("id") Integer id) {
        return dto(crud.find(TicketState.class, id));
    }

    @POST
    @Transactional
    public RestResponse<StateDto> create(@NotNull @Valid StateDto body) {
        TicketState e = new TicketState();
        apply(e, body);
        crud.save(e);
        return RestResponse.ResponseBuilder.<StateDto>created(URI.create("/api/admin/states/" + e.id)).entity(dto(e)).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public StateDto update(@PathParam("id") Integer id, @NotNull @Valid StateDto body) {
        TicketState e = crud.find(TicketState.class, id);
        apply(e, body);
        crud.save(e);
        return dto(e);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") Integer id) {
        crud.delete(crud.find(TicketState.class, id));
    }

    static StateDto dto(TicketState e) {
        return new StateDto(e.id, e.name, e.type, e.comment, e.valid);
    }

    private void apply(TicketState e, StateDto b) {
        e.name = b.name().strip();
        e.type = b.type();
        e.comment = b.comment();
        e.valid = AdminDtos.valid(b.valid());
    }
}
