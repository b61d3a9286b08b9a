package org.relaydesk.mailgateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.relaydesk.contracts.Json;
import org.relaydesk.mailgateway.AfterProcessing;
import org.relaydesk.mailgateway.Dispatch;
import org.relaydesk.mailgateway.MailAccount;
import org.relaydesk.mailgateway.MailProtocol;
import org.relaydesk.mailgateway.PostmasterFilterDefinition;
import org.relaydesk.mailgateway.SystemAddress;
import org.relaydesk.mailgateway.TlsMode;
import org.relaydesk.mailgateway.api.MailAccountRequest;
import org.relaydesk.mailgateway.api.MailAccountView;
import org.relaydesk.mailgateway.api.PostmasterFilterRequest;
import org.relaydesk.mailgateway.api.PostmasterFilterView;
import org.relaydesk.mailgateway.api.SystemAddressRequest;
import org.relaydesk.mailgateway.api.SystemAddressView;
import org.relaydesk.mailgateway.repository.MailAccountRepository;
import org.relaydesk.mailgateway.repository.SystemAddressRepository;
import org.relaydesk.mailgateway.rest.ApiProblem;

/** Admin use cases: mail accounts, system addresses, postmaster filters. */
@ApplicationScoped
public class MailAdminService {

    @Inject
    MailAccountRepository accounts;
    @Inject
    SystemAddressRepository addresses;
    @Inject
    PasswordCipher cipher;
    @Inject
    PipelineProvider pipelines;

    // ---------------------------------------------------------------- mail accounts

    @Transactional
    public List<MailAccountView> accounts() {
        return accounts.list("order by name").stream().map(MailAccountView::of).toList();
    }

    @Transactional
    public MailAccountView account(UUID id) {
        return MailAccountView.of(accountEntity(id));
    }

    @Transactional
    public MailAccountView createAccount(MailAccountRequest r) {
        if (r.password() == null || r.password().isEmpty()) {
            throw ApiProblem.invalid("password is required for a new mail account");
        }
        MailAccount a = new MailAccount();
        a.id = UUID.randomUUID();
        a.createdAt = Instant.now();
        apply(a, r);
        a.persist();
        return MailAccountView.of(a);
    }

    @Transactional
    public MailAccountView updateAccount(UUID id, MailAccountRequest r) {
        MailAccount a = accountEntity(id);
        apply(a, r);
        accounts.flush();
        return MailAccountView.of(a);
    }

    @Transactional
    public void deleteAccount(UUID id) {
        accounts.delete(accountEntity(id));
    }

    private MailAccount accountEntity(UUID id) {
        return accounts.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("mail account", id));
    }

    private void apply(MailAccount a, MailAccountRequest r) {
        if (accounts.nameTaken(r.name().strip(), a.id)) {
            throw ApiProblem.conflict("a mail account named '" + r.name().strip() + "' exists");
        }
        AfterProcessing after = r.afterProcessing() == null ? AfterProcessing.DELETE : r.afterProcessing();
        if (r.dispatch() == Dispatch.QUEUE && r.queueId() == null) {
            throw ApiProblem.invalid("queueId is required when dispatch is QUEUE");
        }
        if (after == AfterProcessing.MOVE && (r.moveToFolder() == null || r.moveToFolder().isBlank())) {
            throw ApiProblem.invalid("moveToFolder is required when afterProcessing is MOVE");
        }
        if (r.protocol() == MailProtocol.POP3 && after == AfterProcessing.MOVE) {
            throw ApiProblem.invalid("POP3 accounts cannot move mail; use DELETE or MARK_SEEN (keep on server)");
        }
        String folder = r.folder() == null || r.folder().isBlank() ? "INBOX" : r.folder().strip();
        if (r.protocol() == MailProtocol.POP3 && !folder.equalsIgnoreCase("INBOX")) {
            throw ApiProblem.invalid("POP3 has only the folder INBOX");
        }
        a.name = r.name().strip();
        a.protocol = r.protocol();
        a.host = r.host().strip();
        a.port = r.port();
        a.tlsMode = r.tlsMode() == null ? TlsMode.TLS : r.tlsMode();
        a.username = r.login().strip();
        if (r.password() != null && !r.password().isEmpty()) {
            a.passwordEncrypted = cipher.encrypt(r.password());
        }
        a.folder = folder;
        a.dispatch = r.dispatch();
        a.queueId = r.queueId();
        a.useIdle = r.useIdle() == null || r.useIdle();
        a.pollIntervalSeconds = r.pollIntervalSeconds() == null ? 60 : r.pollIntervalSeconds();
        a.trusted = r.trusted() != null && r.trusted();
        a.enabled = r.valid() == null || r.valid();
        a.afterProcessing = after;
        a.moveToFolder = after == AfterProcessing.MOVE ? r.moveToFolder().strip() : null;
        a.updatedAt = Instant.now();
    }

    // ---------------------------------------------------------------- system addresses

    @Transactional
    public List<SystemAddressView> systemAddresses() {
        return addresses.list("order by address").stream().map(SystemAddressView::of).toList();
    }

    @Transactional
    public SystemAddressView systemAddress(UUID id) {
        return SystemAddressView.of(addressEntity(id));
    }

    @Transactional
    public SystemAddressView createSystemAddress(SystemAddressRequest r) {
        SystemAddress a = new SystemAddress();
        a.id = UUID.randomUUID();
        a.createdAt = Instant.now();
        apply(a, r);
        a.persist();
        pipelines.invalidate();
        return SystemAddressView.of(a);
    }

    @Transactional
    public SystemAddressView updateSystemAddress(UUID id, SystemAddressRequest r) {
        SystemAddress a = addressEntity(id);
        apply(a, r);
        addresses.flush();
        pipelines.invalidate();
        return SystemAddressView.of(a);
    }

    @Transactional
    public void deleteSystemAddress(UUID id) {
        addresses.delete(addressEntity(id));
        pipelines.invalidate();
    }

    private SystemAddress addressEntity(UUID id) {
        return addresses.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("system address", id));
    }

    private void apply(SystemAddress a, SystemAddressRequest r) {
        String address = r.address().strip().toLowerCase(Locale.ROOT);
        addresses.byAddress(address).filter(other -> !other.id.equals(a.id)).ifPresent(other -> {
            throw ApiProblem.conflict("the system address " + address + " exists");
        });
        a.address = address;
        a.displayName = r.displayName() == null ? "" : r.displayName().strip();
        a.queueId = r.queueId();
        a.enabled = r.valid() == null || r.valid();
        a.updatedAt = Instant.now();
    }

    // ---------------------------------------------------------------- postmaster filters

    @Transactional
    public List<PostmasterFilterView> filters() {
        return PostmasterFilterDefinition.<PostmasterFilterDefinition>list("order by position, name").stream()
                .map(PostmasterFilterView::of).toList();
    }

    @Transactional
    public PostmasterFilterView createFilter(PostmasterFilterRequest r) {
        PostmasterFilterDefinition d = new PostmasterFilterDefinition();
        d.id = UUID.randomUUID();
        d.createdAt = Instant.now();
        apply(d, r);
        d.persist();
        pipelines.invalidate();
        return PostmasterFilterView.of(d);
    }

    @Transactional
    public PostmasterFilterView updateFilter(UUID id, PostmasterFilterRequest r) {
        PostmasterFilterDefinition d = filterEntity(id);
        apply(d, r);
        PostmasterFilterDefinition.getEntityManager().flush();
        pipelines.invalidate();
        return PostmasterFilterView.of(d);
    }

    @Transactional
    public void deleteFilter(UUID id) {
        filterEntity(id).delete();
        pipelines.invalidate();
    }

    private PostmasterFilterDefinition filterEntity(UUID id) {
        return PostmasterFilterDefinition.<PostmasterFilterDefinition>findByIdOptional(id)
                .orElseThrow(() -> ApiProblem.notFound("postmaster filter", id));
    }

    private void apply(PostmasterFilterDefinition d, PostmasterFilterRequest r) {
        if (PostmasterFilterDefinition.count("lower(name) = lower(?1) and id <> ?2", r.name().strip(), d.id) > 0) {
            throw ApiProblem.conflict("a postmaster filter named '" + r.name().strip() + "' exists");
        }
        d.name = r.name().strip();
        d.position = r.position() == null ? 0 : r.position();
        d.stopAfterMatch = r.stopAfterMatch() != null && r.stopAfterMatch();
        d.conditions = Json.write(r.conditions());
        d.actions = Json.write(r.actions());
        d.enabled = r.valid() == null || r.valid();
        d.updatedAt = Instant.now();
        try {
            PostmasterFilters.toRule(d);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("postmaster filter " + d.name + ": " + e.getMessage());
        }
    }
}
