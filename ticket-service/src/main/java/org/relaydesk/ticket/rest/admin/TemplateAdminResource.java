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
import org.relaydesk.ticket.Template;
import org.relaydesk.ticket.TemplateType;
import org.relaydesk.ticket.rest.admin.AdminDtos.TemplateDto;
import org.relaydesk.ticket.service.AdminCrud;

/** Admin CRUD of templates. */
@Path("/api/admin/templates")
@Tag(name = "Admin: templates")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplateAdminResource {

    @Inject
    AdminCrud crud;

    @GET
    public List<TemplateDto> list() {
        return crud.all(Template.class, "id").stream().map(TemplateAdminResource::dto).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateDto get(@PathParam("id") Integer id) {
        return dto(crud.find(Template.class, id));
    }

    @POST
    @Transactional
    public RestResponse<TemplateDto> create(@NotNull @Valid TemplateDto body) {
        Template e = new Template();
        apply(e, body);
        crud.save(e);
        return RestResponse.ResponseBuilder.<TemplateDto>created(URI.create("/api/admin/templates/" + e.id)).entity(dto(e)).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public TemplateDto update(@PathParam("id") Integer id, @NotNull @Valid TemplateDto body) {
        Template e = crud.find(Template.class, id);
        apply(e, body);
        crud.save(e);
        return dto(e);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") Integer id) {
        crud.delete(crud.find(Template.class, id));
    }

    static TemplateDto dto(Template e) {
        return new TemplateDto(e.id, e.name, e.type, e.subject, e.body, e.comment, e.valid);
    }

    private void apply(Template e, TemplateDto b) {
        e.name = b.name().strip();
        e.type = b.type() == null ? TemplateType.ANSWER : b.type();
        e.subject = b.subject();
        e.body = b.body();
        e.comment = b.comment();
        e.valid = AdminDtos.valid(b.valid());
    }
}
