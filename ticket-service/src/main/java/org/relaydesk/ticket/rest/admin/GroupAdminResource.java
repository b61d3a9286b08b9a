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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.relaydesk.ticket.AgentGroup;
import org.relaydesk.ticket.GroupPermission;
import org.relaydesk.ticket.Permission;
import org.relaydesk.ticket.repository.GroupPermissionRepository;
import org.relaydesk.ticket.rest.admin.AdminDtos.GroupDto;
import org.relaydesk.ticket.rest.admin.AdminDtos.GroupGrant;
import org.relaydesk.ticket.rest.admin.AdminDtos.GroupGrants;
import org.relaydesk.ticket.service.AdminCrud;

/** Admin CRUD of groups and of the permissions Keycloak groups hold on them. */
@Path("/api/admin/groups")
@Tag(name = "Admin: groups and permissions")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupAdminResource {

    @Inject
    AdminCrud crud;
    @Inject
    GroupPermissionRepository permissions;

    @GET
    public List<GroupDto> list() {
        return crud.all(AgentGroup.class, "id").stream().map(GroupAdminResource::dto).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public GroupDto get(@PathParam("id") Integer id) {
        return dto(crud.find(AgentGroup.class, id));
    }

    @POST
    @Transactional
    public RestResponse<GroupDto> create(@NotNull @Valid GroupDto body) {
        AgentGroup g = new AgentGroup();
        apply(g, body);
        crud.save(g);
        return RestResponse.ResponseBuilder.<GroupDto>created(URI.create("/api/admin/groups/" + g.id)).entity(dto(g)).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public GroupDto update(@PathParam("id") Integer id, @NotNull @Valid GroupDto body) {
        AgentGroup g = crud.find(AgentGroup.class, id);
        apply(g, body);
        crud.save(g);
        return dto(g);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") Integer id) {
        crud.delete(crud.find(AgentGroup.class, id));
    }

    @GET
    @Path("/{id}/permissions")
    @Transactional
    public List<GroupGrant> grants(@PathParam("id") Integer id) {
        crud.find(AgentGroup.class, id);
        Map<String, List<Permission>> byGroup = new LinkedHashMap<>();
        permissions.ofGroup(id).forEach(p -> byGroup.computeIfAbsent(p.keycloakGroup, k -> new ArrayList<>()).add(p.permission));
        return byGroup.entrySet().stream().map(e -> new GroupGrant(e.getKey(), e.getValue())).toList();
    }

    /** Replaces every permission on the group with the given grants. */
    @PUT
    @Path("/{id}/permissions")
    @Transactional
    public List<GroupGrant> setGrants(@PathParam("id") Integer id, @NotNull @Valid GroupGrants body) {
        crud.find(AgentGroup.class, id);
        permissions.delete("groupId", id);
        body.grants().forEach(grant -> grant.permissions().stream().distinct().forEach(permission -> {
            GroupPermission p = new GroupPermission();
            p.groupId = id;
            p.keycloakGroup = grant.keycloakGroup().strip();
            p.permission = permission;
            p.persist();
        }));
        return grants(id);
    }

    static GroupDto dto(AgentGroup g) {
        return new GroupDto(g.id, g.name, g.comment, g.valid);
    }

    private static void apply(AgentGroup g, GroupDto b) {
        g.name = b.name().strip();
        g.comment = b.comment();
        g.valid = AdminDtos.valid(b.valid());
    }
}
