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
import org.relaydesk.ticket.CustomerUser;
import org.relaydesk.ticket.rest.admin.AdminDtos.CustomerUserDto;
import org.relaydesk.ticket.service.AdminCrud;

/** Admin CRUD of customer users. */
@Path("/api/admin/customer-users")
@Tag(name = "Admin: customer users")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerUserAdminResource {

    @Inject
    AdminCrud crud;

    @GET
    public List<CustomerUserDto> list() {
        return crud.all(CustomerUser.class, "login").stream().map(CustomerUserAdminResource::dto).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public CustomerUserDto get(@PathParam("id") String id) {
        return dto(crud.find(CustomerUser.class, id));
    }

    @POST
    @Transactional
    public RestResponse<CustomerUserDto> create(@NotNull @Valid CustomerUserDto body) {
        CustomerUser e = new CustomerUser();
        apply(e, body);
        crud.save(e);
        return RestResponse.ResponseBuilder.<CustomerUserDto>created(URI.create("/api/admin/customer-users/" + e.login)).entity(dto(e)).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public CustomerUserDto update(@PathParam("id") String id, @NotNull @Valid CustomerUserDto body) {
        CustomerUser e = crud.find(CustomerUser.class, id);
        apply(e, body);
        crud.save(e);
        return dto(e);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") String id) {
        crud.delete(crud.find(CustomerUser.class, id));
    }

    static CustomerUserDto dto(CustomerUser e) {
        return new CustomerUserDto(e.login, e.email, e.firstName, e.lastName, e.customerId, e.phone, e.comment, e.valid);
    }

    private void apply(CustomerUser e, CustomerUserDto b) {
        if (e.login == null) {
            e.login = b.login().strip();
            e.createdAt = java.time.Instant.now();
        } else if (!e.login.equals(b.login())) {
            throw org.relaydesk.ticket.service.ProblemException.invalid("login", "the login cannot change");
        }
        e.email = b.email().strip();
        e.firstName = b.firstName();
        e.lastName = b.lastName();
        e.customerId = b.customerId();
        e.phone = b.phone();
        e.comment = b.comment();
        e.valid = AdminDtos.valid(b.valid());
        e.changedAt = java.time.Instant.now();
    }
}
