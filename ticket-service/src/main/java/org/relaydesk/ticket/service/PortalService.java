package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Set;
import org.relaydesk.ticket.ArticleKind;
import org.relaydesk.ticket.CustomerUser;
import org.relaydesk.ticket.Origin;
import org.relaydesk.ticket.Queue;
import org.relaydesk.ticket.SenderType;
import org.relaydesk.ticket.api.ArticleRequest;
import org.relaydesk.ticket.api.CreateTicketRequest;
import org.relaydesk.ticket.api.PortalRequests;
import org.relaydesk.ticket.api.TicketView;
import org.relaydesk.ticket.config.TicketConfig;
import org.relaydesk.ticket.repository.CustomerUserRepository;
import org.relaydesk.ticket.repository.QueueRepository;

/**
 * The customer portal. A token's e-mail is matched to a customer user (created on first use);
 * the customer then acts as that customer user and reaches only tickets that carry its login.
 */
@ApplicationScoped
public class PortalService {

    @Inject
    CustomerUserRepository customerUsers;
    @Inject
    QueueRepository queues;
    @Inject
    Lookups lookups;
    @Inject
    TicketCreation creation;
    @Inject
    ArticleService articles;
    @Inject
    TicketConfig config;

    /** The customer user behind a customer token, as an actor whose username is the customer user login. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Actor customer(Actor token) {
        if (token.email() == null || token.email().isBlank()) {
            throw ProblemException.forbidden("the token carries no e-mail to match a customer user");
        }
        CustomerUser cu = customerUsers.byEmail(token.email()).orElseGet(() -> register(token));
        if (!cu.valid) {
            throw ProblemException.forbidden("customer user " + cu.login + " is invalid");
        }
        return new Actor(cu.login, cu.email, cu.firstName, cu.lastName, Set.of("customer"), Set.of());
    }

    private CustomerUser register(Actor token) {
        CustomerUser cu = new CustomerUser();
        String login = token.username();
        cu.login = login == null || customerUsers.findById(login) != null ? token.email() : login;
        cu.email = token.email();
        cu.firstName = token.firstName();
        cu.lastName = token.lastName();
        cu.customerId = token.email();
        cu.createdAt = Instant.now();
        cu.changedAt = cu.createdAt;
        cu.persist();
        customerUsers.flush();
        return cu;
    }

    @Transactional
    public TicketView create(Actor customer, PortalRequests.Create r) {
        Queue q = r.queueId() == null
                ? queues.byName(config.portalDefaultQueue()).orElseThrow(() -> ProblemException.conflict(
                        "the portal queue " + config.portalDefaultQueue() + " does not exist"))
                : lookups.validQueue(r.queueId(), "queueId");
        if (q.name.equalsIgnoreCase(config.junk().queue())) {
            throw ProblemException.invalid("queueId", "not a queue for customer requests");
        }
        ArticleRequest article = new ArticleRequest(ArticleKind.WEB, SenderType.CUSTOMER, true, customer.email(), null,
                null, null, r.title(), r.body(), null, null, null, null, null, null, null, null, null, r.attachments(), null);
        CreateTicketRequest create = new CreateTicketRequest(r.title(), q.id, Origin.WEB, null, r.priority(), null, null,
                null, null, null, null, null, null, null, article, null, null);
        return creation.create(customer, create).ticket();
    }

    @Transactional
    public ArticleService.Added reply(Actor customer, long ticketId, PortalRequests.Reply r) {
        ArticleRequest article = new ArticleRequest(ArticleKind.WEB, SenderType.CUSTOMER, true, customer.email(), null,
                null, null, r.subject(), r.body(), null, null, null, null, null, null, null, null, null, r.attachments(), null);
        return articles.add(customer, ticketId, null, article);
    }
}
