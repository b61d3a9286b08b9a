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
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.relaydesk.contracts.Json;
import org.relaydesk.search.StatReport;
import org.relaydesk.search.statistics.ReportDefinition;
import org.relaydesk.search.statistics.ReportTable;
import org.relaydesk.search.statistics.ReportWriter;
import org.relaydesk.search.statistics.StatisticsService;

/**
 * Statistics: predefined reports for agents (over the queues they may read), composed reports that
 * admins define, save and share; every report as JSON, CSV, Excel (.xlsx) or a print view (HTML),
 * chosen with {@code format=json|csv|xlsx|html}.
 */
@Path("/api/statistics")
@Produces({MediaType.APPLICATION_JSON, "text/csv", ReportsMedia.XLSX, MediaType.TEXT_HTML})
@RolesAllowed({"agent", "admin"})
public class StatisticsResource {

    /** A saved composed report. */
    public record SavedReportView(long id, String name, String owner, boolean shared, ReportDefinition definition, Instant createdAt) {
        static SavedReportView of(StatReport r) {
            return new SavedReportView(r.id, r.name, r.owner, r.shared, read(r.definition), r.createdAt);
        }
    }

    /** Request to save a composed report. */
    public record SaveReport(@NotBlank @Size(max = 200) String name, boolean shared, @NotNull ReportDefinition definition) {
    }

    /** A predefined report and its parameters. */
    public record PredefinedReport(String name, String description, List<String> parameters) {
    }

    static final List<PredefinedReport> PREDEFINED = List.of(
            new PredefinedReport("created-closed", "Tickets created and closed per day and queue", List.of("from", "to", "queue")),
            new PredefinedReport("open", "Open tickets by queue and state", List.of("queue")),
            new PredefinedReport("response-times", "First response and solution times (minutes) per queue, tickets created in the period",
                    List.of("from", "to", "queue")),
            new PredefinedReport("dynamic-field", "Tickets created in the period by the value of a dynamic field",
                    List.of("field", "from", "to", "queue")));

    @Inject
    StatisticsService statistics;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/reports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The predefined reports")
    public List<PredefinedReport> predefined() {
        return PREDEFINED;
    }

    @GET
    @Path("/reports/{name}")
    @Operation(summary = "Run a predefined report: period from/to (ISO date or instant, default the last 30 days), queues, format")
    public Response report(@PathParam("name") String name, @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("queue") List<String> queues, @QueryParam("field") String field,
                           @QueryParam("format") @DefaultValue("json") String format) {
        Instant end = to == null ? Instant.now() : SearchParams.instant("to", to, true);
        Instant start = from == null ? end.minus(30, ChronoUnit.DAYS) : SearchParams.instant("from", from, false);
        var scope = caller.agentScope();
        ReportTable table = switch (name) {
            case "created-closed" -> statistics.createdClosed(start, end, queues, scope);
            case "open" -> statistics.openByQueueAndState(queues, scope);
            case "response-times" -> statistics.responseTimes(start, end, queues, scope);
            case "dynamic-field" -> statistics.byDynamicField(field, start, end, queues, scope);
            default -> throw new NotFoundException("no predefined report " + name);
        };
        return render(table, format, name);
    }

    @POST
    @Path("/run")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Run a composed report (admin)")
    public Response run(@NotNull ReportDefinition definition, @QueryParam("format") @DefaultValue("json") String format) {
        return render(statistics.run(definition, caller.agentScope()), format, "report");
    }

    @POST
    @Path("/saved")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Transactional
    @Operation(summary = "Save a composed report (admin); shared reports can be run by every agent")
    public Response save(@Valid @NotNull SaveReport request) {
        statistics.run(request.definition(), caller.agentScope()); // validates dimensions and metrics
        String owner = caller.username();
        if (StatReport.count("owner = ?1 and name = ?2", owner, request.name().strip()) > 0) {
            throw new WebApplicationException(Response.status(409).type("application/problem+json")
                    .entity(Map.of("title", "Conflict", "status", 409, "detail", "a report named '" + request.name().strip() + "' exists"))
                    .build());
        }
        StatReport r = new StatReport();
        r.owner = owner;
        r.name = request.name().strip();
        r.shared = request.shared();
        r.definition = Json.write(request.definition());
        r.createdAt = Instant.now();
        r.persist();
        return Response.created(URI.create("/api/statistics/saved/" + r.id)).entity(SavedReportView.of(r)).build();
    }

    @GET
    @Path("/saved")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's own and the shared composed reports")
    public List<SavedReportView> saved() {
        return StatReport.<StatReport>list("owner = ?1 or shared = true order by name", caller.username()).stream()
                .map(SavedReportView::of).toList();
    }

    @GET
    @Path("/saved/{id}/results")
    @Operation(summary = "Run a saved report with the caller's permissions")
    public Response runSaved(@PathParam("id") long id, @QueryParam("format") @DefaultValue("json") String format) {
        StatReport r = visible(id);
        return render(statistics.run(read(r.definition), caller.agentScope()), format, r.name);
    }

    @DELETE
    @Path("/saved/{id}")
    @Transactional
    public Response delete(@PathParam("id") long id) {
        StatReport r = visible(id);
        if (!r.owner.equals(caller.username())) {
            throw new ForbiddenException("only the owner deletes a report");
        }
        r.delete();
        return Response.noContent().build();
    }

    private StatReport visible(long id) {
        StatReport r = StatReport.findById(id);
        if (r == null || (!r.shared && !r.owner.equals(caller.username()))) {
            throw new NotFoundException("no report " + id);
        }
        return r;
    }

    static Response render(ReportTable table, String format, String fileName) {
        String file = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> Response.ok(table, MediaType.APPLICATION_JSON).build();
            case "csv" -> Response.ok(ReportWriter.csv(table).getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"").build();
            case "xlsx" -> Response.ok(ReportWriter.xlsx(table), ReportsMedia.XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".xlsx\"").build();
            case "html", "print" -> Response.ok(ReportWriter.html(table), "text/html; charset=utf-8").build();
            default -> throw new IllegalArgumentException("format must be json, csv, xlsx or html");
        };
    }

    static ReportDefinition read(String json) {
        try {
            return Json.MAPPER.readValue(json, ReportDefinition.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
