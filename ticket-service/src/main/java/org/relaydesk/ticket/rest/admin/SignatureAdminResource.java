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
import org.relaydesk.ticket.Signature;
import org.relaydesk.ticket.rest.admin.AdminDtos.TextBlockDto;
import org.relaydesk.ticket.service.AdminCrud;

/** Admin CRUD of signatures. */
@Path("/api/admin/signatures")
@Tag(name = "Admin: signatures")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SignatureAdminResource {

    @Inject
    AdminCrud crud;

    @GET
    public List<TextBlockDto> list() {
        return crud.all(Signature.class, "id").stream().map(SignatureAdminResource::dto).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TextBlockDto get(@PathParam("id") Integer id) {
        return dto(crud.find(Signature.class, id));
    }

    @POST
    @Transactional
    public RestResponse<TextBlockDto> create(@NotNull @Valid TextBlockDto body) {
        Signature e = new Signature();
        apply(e, body);
        crud.save(e);
        return RestResponse.ResponseBuilder.<TextBlockDto>created(URI.create("/api/admin/signatures/" + e.id)).entity(dto(e)).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public TextBlockDto update(@PathParam("id") Integer id, @NotNull @Valid TextBlockDto body) {
        Signature e = crud.find(Signature.class, id);
        apply(e, body);
        crud.save(e);
        return dto(e);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") Integer id) {
        crud.delete(crud.find(Signature.class, id));
    }

    static TextBlockDto dto(Signature e) {
        return new TextBlockDto(e.id, e.name, e.body, e.comment, e.valid);
    }

    private void apply(Signature e, TextBlockDto b) {
        e.name = b.name().strip();
        e.body = b.body();
        e.comment = b.comment();
        e.valid = AdminDtos.valid(b.valid());
    }
}
