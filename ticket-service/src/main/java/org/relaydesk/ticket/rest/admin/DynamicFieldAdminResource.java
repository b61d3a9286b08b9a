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
import org.relaydesk.contracts.Json;
import org.relaydesk.ticket.DynamicField;
import org.relaydesk.ticket.DynamicFieldType;
import org.relaydesk.ticket.rest.admin.AdminDtos.DynamicFieldDto;
import org.relaydesk.ticket.service.AdminCrud;
import org.relaydesk.ticket.service.DynamicFieldService;
import org.relaydesk.ticket.service.ProblemException;

/** Admin CRUD of dynamic field definitions. */
@Path("/api/admin/dynamic-fields")
@Tag(name = "Admin: dynamic fields")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DynamicFieldAdminResource {

    @Inject
    AdminCrud crud;

    @GET
    public List<DynamicFieldDto> list() {
        return crud.all(DynamicField.class, "id").stream().map(DynamicFieldAdminResource::dto).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public DynamicFieldDto get(@PathParam("id") Integer id) {
        return dto(crud.find(DynamicField.class, id));
    }

    @POST
    @Transactional
    public RestResponse<DynamicFieldDto> create(@NotNull @Valid DynamicFieldDto body) {
        DynamicField f = new DynamicField();
        apply(f, body);
        crud.save(f);
        return RestResponse.ResponseBuilder.<DynamicFieldDto>created(URI.create("/api/admin/dynamic-fields/" + f.id))
                .entity(dto(f)).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public DynamicFieldDto update(@PathParam("id") Integer id, @NotNull @Valid DynamicFieldDto body) {
        DynamicField f = crud.find(DynamicField.class, id);
        if (f.type != body.type()) {
            throw ProblemException.invalid("type", "the type of a dynamic field cannot change");
        }
        apply(f, body);
        crud.save(f);
        return dto(f);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") Integer id) {
        crud.delete(crud.find(DynamicField.class, id));
    }

    static DynamicFieldDto dto(DynamicField f) {
        return new DynamicFieldDto(f.id, f.name, f.label, f.type, DynamicFieldService.options(f), f.valid);
    }

    private static void apply(DynamicField f, DynamicFieldDto b) {
        boolean choice = b.type() == DynamicFieldType.DROPDOWN || b.type() == DynamicFieldType.MULTISELECT;
        if (choice && (b.options() == null || b.options().isEmpty())) {
            throw ProblemException.invalid("options", "a " + b.type().code() + " field needs options");
        }
        f.name = b.name();
        f.label = b.label().strip();
        f.type = b.type();
        f.options = Json.write(choice ? b.options().stream().distinct().toList() : List.of());
        f.valid = AdminDtos.valid(b.valid());
    }
}
