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
import org.relaydesk.ticket.Sla;
import org.relaydesk.ticket.SupportService;
import org.relaydesk.ticket.rest.admin.AdminDtos.SlaDto;
import org.relaydesk.ticket.service.AdminCrud;

/** Admin CRUD of SLAs. */
@Path("/api/admin/slas")
@Tag(name = "Admin: SLAs")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SlaAdminResource {

    @Inject
    AdminCrud crud;

    @GET
    public List<SlaDto> list() {
        return crud.all(Sla.class, "id").stream().map(SlaAdminResource::dto).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public SlaDto get(@PathParam("id") Integer id) {
        return dto(crud.find(Sla.class, id));
    }

    @POST
    @Transactional
    public RestResponse<SlaDto> create(@NotNull @Valid SlaDto body) {
        Sla e = new Sla();
        apply(e, body);
        crud.save(e);
        return RestResponse.ResponseBuilder.<SlaDto>created(URI.create("/api/admin/slas/" + e.id)).entity(dto(e)).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public SlaDto update(@PathParam("id") Integer id, @NotNull @Valid SlaDto body) {
        Sla e = crud.find(Sla.class, id);
        apply(e, body);
        crud.save(e);
        return dto(e);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") Integer id) {
        crud.delete(crud.find(Sla.class, id));
    }

    static SlaDto dto(Sla e) {
        return new SlaDto(e.id, e.name, e.serviceId, e.comment, e.valid);
    }

    private void apply(Sla e, SlaDto b) {
        crud.reference(SupportService.class, b.serviceId(), "serviceId");
        e.name = b.name().strip();
        e.serviceId = b.serviceId();
        e.comment = b.comment();
        e.valid = AdminDtos.valid(b.valid());
    }
}
