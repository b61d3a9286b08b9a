package org.relaydesk.search.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.relaydesk.contracts.Json;
import org.relaydesk.search.SavedSearch;
import org.relaydesk.search.api.TicketSearchRequest;
import org.relaydesk.search.api.TicketSearchResult;
import org.relaydesk.search.service.TicketSearch;

/** An agent's saved searches: create, list, run (with the runner's current permissions), delete. */
@Path("/api/search/saved")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "admin"})
public class SavedSearchResource {

    /** A saved search as the API shows it. */
    public record SavedSearchView(long id, String name, TicketSearchRequest query, Instant createdAt) {
        static SavedSearchView of(SavedSearch s) {
            return new SavedSearchView(s.id, s.name, read(s.query), s.createdAt);
        }
    }

    /** Request to save a search. */
    public record CreateSavedSearch(@NotBlank @Size(max = 200) String name, @NotNull TicketSearchRequest query) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    TicketSearch search;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Save a search under a name (unique per agent)")
    public Response create(@Valid @NotNull CreateSavedSearch request) {
        String owner = caller.username();
        if (SavedSearch.count("owner = ?1 and name = ?2", owner, request.name().strip()) > 0) {
            throw new WebApplicationException(Response.status(409).type("application/problem+json")
                    .entity(java.util.Map.of("title", "Conflict", "status", 409,
                            "detail", "a saved search named '" + request.name().strip() + "' exists"))
                    .build());
        }
        SavedSearch s = new SavedSearch();
        s.owner = owner;
        s.name = request.name().strip();
        s.query = Json.write(request.query().withPage(null, request.query().size()));
        s.createdAt = Instant.now();
        s.persist();
        return Response.created(URI.create("/api/search/saved/" + s.id)).entity(SavedSearchView.of(s)).build();
    }

    @GET
    @Operation(summary = "The caller's saved searches")
    public List<SavedSearchView> list() {
        return SavedSearch.<SavedSearch>list("owner = ?1 order by name", caller.username()).stream()
                .map(SavedSearchView::of).toList();
    }

    @GET
    @Path("/{id}")
    public SavedSearchView get(@PathParam("id") long id) {
        return SavedSearchView.of(own(id));
    }

    @GET
    @Path("/{id}/results")
    @Operation(summary = "Run a saved search; cursor and size page through it")
    public TicketSearchResult run(@PathParam("id") long id, @QueryParam("cursor") String cursor,
                                  @QueryParam("size") Integer size) {
        return search.search(read(own(id).query).withPage(cursor, size), caller.agentScope());
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public Response delete(@PathParam("id") long id) {
        own(id).delete();
        return Response.noContent().build();
    }

    private SavedSearch own(long id) {
        SavedSearch s = SavedSearch.findById(id);
        if (s == null || !s.owner.equals(caller.username())) {
            throw new NotFoundException("no saved search " + id);
        }
        return s;
    }

    static TicketSearchRequest read(String json) {
        try {
            return Json.MAPPER.readValue(json, TicketSearchRequest.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
