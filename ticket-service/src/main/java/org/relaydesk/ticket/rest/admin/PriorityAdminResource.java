package org.relaydesk.ticket.rest.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relaydesk.ticket.Priority;
import org.relaydesk.ticket.rest.admin.AdminDtos.PriorityDto;
import org.relaydesk.ticket.service.AdminCrud;

/** Admin of the five priorities: their names and validity (the levels 1..5 are fixed). */
@Path("/api/admin/priorities")
@Tag(name = "Admin: priorities")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PriorityAdminResource {

    @Inject
    AdminCrud crud;

    @GET
    @Transactional
    public List<PriorityDto> list() {
        return crud.all(Priority.class, "id").stream().map(p -> new PriorityDto(p.id, p.name, p.valid)).toList();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public PriorityDto update(@PathParam("id") Integer id, @NotNull @Valid PriorityDto body) {
        Priority p = crud.find(Priority.class, id);
        p.name = body.name().strip();
        p.valid = AdminDtos.valid(body.valid());
        crud.save(p);
        return new PriorityDto(p.id, p.name, p.valid);
    }
}
