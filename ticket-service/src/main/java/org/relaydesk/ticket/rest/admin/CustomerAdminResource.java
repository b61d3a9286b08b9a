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
import org.relaydesk.ticket.Customer;
import org.relaydesk.ticket.CustomerValidity;
import org.relaydesk.ticket.rest.admin.AdminDtos.CustomerDto;
import org.relaydesk.ticket.service.AdminCrud;

/** Admin CRUD of customers. */
@Path("/api/admin/customers")
@Tag(name = "Admin: customers")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerAdminResource {

    @Inject
    AdminCrud crud;

    @GET
    public List<CustomerDto> list() {
        return crud.all(Customer.class, "customerId").stream().map(CustomerAdminResource::dto).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public CustomerDto get(@PathParam("id") String id) {
        return dto(crud.find(Customer.class, id));
    }

    @POST
    @Transactional
    public RestResponse<CustomerDto> create(@NotNull @Valid CustomerDto body) {
        Customer e = new Customer();
        apply(e, body);
        crud.save(e);
        return RestResponse.ResponseBuilder.<CustomerDto>created(URI.create("/api/admin/customers/" + e.customerId)).entity(dto(e)).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public CustomerDto update(@PathParam("id") String id, @NotNull @Valid CustomerDto body) {
        Customer e = crud.find(Customer.class, id);
        apply(e, body);
        crud.save(e);
        return dto(e);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") String id) {
        crud.delete(crud.find(Customer.class, id));
    }

    static CustomerDto dto(Customer e) {
        return new CustomerDto(e.customerId, e.name, e.street, e.zip, e.city, e.country, e.url, e.comment, e.valid);
    }

    private void apply(Customer e, CustomerDto b) {
        if (e.customerId == null) {
            e.customerId = b.customerId().strip();
            e.createdAt = java.time.Instant.now();
        } else if (!e.customerId.equals(b.customerId())) {
            throw org.relaydesk.ticket.service.ProblemException.invalid("customerId", "the customer id cannot change");
        }
        e.name = b.name().strip();
        e.street = b.street();
        e.zip = b.zip();
        e.city = b.city();
        e.country = b.country();
        e.url = b.url();
        e.comment = b.comment();
        e.valid = b.valid() == null ? CustomerValidity.VALID : b.valid();
        e.changedAt = java.time.Instant.now();
    }
}
