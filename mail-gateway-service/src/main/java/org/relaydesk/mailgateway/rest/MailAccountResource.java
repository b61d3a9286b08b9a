package org.relaydesk.mailgateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.relaydesk.mailgateway.api.MailAccountRequest;
import org.relaydesk.mailgateway.api.MailAccountView;
import org.relaydesk.mailgateway.fetch.FetchCycle;
import org.relaydesk.mailgateway.fetch.MailboxFetcher;
import org.relaydesk.mailgateway.service.MailAdminService;

/** Mail accounts (IMAP/POP3 mailboxes RelayDesk fetches from). Passwords go in, never out. */
@Path("/api/mail/accounts")
@Tag(name = "Mail accounts")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MailAccountResource {

    @Inject
    MailAdminService admin;
    @Inject
    MailboxFetcher fetcher;

    @GET
    @Operation(summary = "List mail accounts with their last fetch outcome")
    public List<MailAccountView> list() {
        return admin.accounts();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One mail account")
    public MailAccountView get(@PathParam("id") UUID id) {
        return admin.account(id);
    }

    @POST
    @Operation(summary = "Create a mail account; its fetcher starts at once when valid")
    public RestResponse<MailAccountView> create(@NotNull @Valid MailAccountRequest request) {
        MailAccountView a = admin.createAccount(request);
        fetcher.restart(a.id());
        return RestResponse.ResponseBuilder.<MailAccountView>created(URI.create("/api/mail/accounts/" + a.id()))
                .entity(a).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a mail account's settings (the password is kept when absent); its fetcher restarts")
    public MailAccountView update(@PathParam("id") UUID id, @NotNull @Valid MailAccountRequest request) {
        MailAccountView a = admin.updateAccount(id, request);
        fetcher.restart(id);
        return a;
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a mail account (its stored mails stay)")
    public void delete(@PathParam("id") UUID id) {
        admin.deleteAccount(id);
        fetcher.restart(id);
    }

    @POST
    @Path("/{id}/fetch")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Fetch the mailbox once now, on a connection of its own; returns what the pass did")
    public FetchCycle.Report fetch(@PathParam("id") UUID id) {
        admin.account(id);
        try {
            return fetcher.fetchNow(id);
        } catch (Exception e) {
            throw new ApiProblem(502, "mailbox-unavailable", "Mailbox not reachable", e.toString());
        }
    }
}
