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
import org.relaydesk.ticket.ServiceCustomer;
import org.relaydesk.ticket.SupportService;
import org.relaydesk.ticket.repository.ServiceCustomerRepository;
import org.relaydesk.ticket.rest.admin.AdminDtos.ServiceDto;
import org.relaydesk.ticket.service.AdminCrud;

/** Admin CRUD of services, optionally restricted to some customers. */
@Path("/api/admin/services")
@Tag(name = "Admin: services")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServiceAdminResource {

    @Inject
    AdminCrud crud;
    @Inject
    ServiceCustomerRepository serviceCustomers;

    @GET
    @Transactional
    public List<ServiceDto> list() {
        return crud.all(SupportService.class, "id").stream().map(this::dto).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public ServiceDto get(@PathParam("id") Integer id) {
        return dto(crud.find(SupportService.class, id));
    }

    @POST
    @Transactional
    public RestResponse<ServiceDto> create(@NotNull @Valid ServiceDto body) {
        SupportService s = new SupportService();
        apply(s, body);
        crud.save(s);
        restrict(s, body);
        return RestResponse.ResponseBuilder.<ServiceDto>created(URI.create("/api/admin/services/" + s.id)).entity(dto(s)).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public ServiceDto update(@PathParam("id") Integer id, @NotNull @Valid ServiceDto body) {
        SupportService s = crud.find(SupportService.class, id);
        apply(s, body);
        crud.save(s);
        restrict(s, body);
        return dto(s);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") Integer id) {
        crud.delete(crud.find(SupportService.class, id));
    }

    private ServiceDto dto(SupportService s) {
        return new ServiceDto(s.id, s.name, s.comment, s.valid, serviceCustomers.customersOf(s.id));
    }

    private static void apply(SupportService s, ServiceDto b) {
        s.name = b.name().strip();
        s.comment = b.comment();
        s.valid = AdminDtos.valid(b.valid());
    }

    private void restrict(SupportService s, ServiceDto b) {
        if (b.customerIds() == null) {
            return;
        }
        serviceCustomers.delete("serviceId", s.id);
        b.customerIds().stream().distinct().forEach(customerId -> {
            ServiceCustomer sc = new ServiceCustomer();
            sc.serviceId = s.id;
            sc.customerId = customerId;
            sc.persist();
        });
    }
}
