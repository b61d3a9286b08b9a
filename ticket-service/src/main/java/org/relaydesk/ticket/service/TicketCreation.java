package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.ticket.TicketCreated;
import org.relaydesk.ticket.Article;
import org.relaydesk.ticket.ArticleKind;
import org.relaydesk.ticket.AutoResponseType;
import org.relaydesk.ticket.CustomerUser;
import org.relaydesk.ticket.Origin;
import org.relaydesk.ticket.Permission;
import org.relaydesk.ticket.Queue;
import org.relaydesk.ticket.SenderType;
import org.relaydesk.ticket.Sla;
import org.relaydesk.ticket.StateType;
import org.relaydesk.ticket.Ticket;
import org.relaydesk.ticket.TicketState;
import org.relaydesk.ticket.TicketType;
import org.relaydesk.ticket.api.ArticleRequest;
import org.relaydesk.ticket.api.CreateTicketRequest;
import org.relaydesk.ticket.api.TicketView;
import org.relaydesk.ticket.repository.ArticleRepository;
import org.relaydesk.ticket.repository.CustomerUserRepository;
import org.relaydesk.ticket.repository.QueueRepository;
import org.relaydesk.ticket.config.TicketConfig;

/**
 * Creates tickets with their first article: from agents (phone and e-mail tickets), the customer
 * portal (web), the mail-gateway (inbound e-mail, idempotent on the Message-ID) and other systems
 * (api). Events: {@code TicketCreated}, then {@code ArticleAdded}, then any
 * {@code DynamicFieldChanged}, then the auto response's {@code ArticleAdded}.
 */
@ApplicationScoped
public class TicketCreation {

    /** The ticket, and whether it was created now (false: found again by the article's Message-ID). */
    public record Created(TicketView ticket, boolean created) {
    }

    @Inject
    Permissions permissions;
    @Inject
    Lookups lookups;
    @Inject
    TicketNumbers numbers;
    @Inject
    TicketJournal journal;
    @Inject
    ArticleService articleService;
    @Inject
    ArticleWriter writer;
    @Inject
    DynamicFieldService dynamicFields;
    @Inject
    TicketViews views;
    @Inject
    CustomerUserRepository customerUsers;
    @Inject
    ArticleRepository articles;
    @Inject
    TicketLoader loader;
    @Inject
    QueueRepository queues;
    @Inject
    TicketConfig config;

    @Transactional
    public Created create(Actor actor, CreateTicketRequest r) {
        ArticleRequest ar = r.article();
        SenderType sender = firstSender(actor, r.channel(), ar);
        if (ar.messageId() != null) {
            Optional<Article> known = articles.byMessageId(ar.messageId());
            if (known.isPresent()) {
                return new Created(views.view(loader.forRead(actor, known.get().ticketId), actor, false), false);
            }
        }
        Queue q = r.isJunk() && !actor.isCustomer() ? junkQueue() : lookups.validQueue(r.queueId(), "queueId");
        if (!actor.isCustomer()) {
            permissions.require(actor, q, Permission.CREATE);
        }
        Ticket t = newTicket(actor, r, q);
        Article first = writer.writeFirst(t, actor, firstArticle(actor, t, q, r, sender));
        dynamicFields.set(t, actor, r.dynamicFields());
        if (sender == SenderType.CUSTOMER && (r.channel() == Origin.EMAIL || r.channel() == Origin.WEB)
                && r.autoResponseAllowed() && !r.isJunk()) {
            articleService.autoRespond(t, q, actor, first, AutoResponseType.NEW_TICKET);
        }
        return new Created(views.created(t, actor, r.dynamicFields() == null || r.dynamicFields().isEmpty()), true);
    }

    /** Creates a ticket whose first article is given as a draft (split). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket createWithArticle(Actor actor, CreateTicketRequest fields, Queue q, ArticleDraft first) {
        permissions.require(actor, q, Permission.CREATE);
        Ticket t = newTicket(actor, fields, q);
        writer.writeFirst(t, actor, first);
        return t;
    }

    private Ticket newTicket(Actor actor, CreateTicketRequest r, Queue q) {
        TicketState state = r.isJunk() && !actor.isCustomer()
                ? lookups.validState(config.junk().closeState(), "relaydesk.ticket.junk.close-state")
                : lookups.validState(r.state() == null ? "new" : r.state(), "state");
        if (state.type.isClosed() && state.type != StateType.CLOSED_SUCCESSFUL
                && state.type != StateType.CLOSED_UNSUCCESSFUL) {
            throw ProblemException.invalid("state", "a ticket cannot be created in state '" + state.name + "'");
        }
        if (state.type.isPending() && r.pendingUntil() == null) {
            throw ProblemException.invalid("pendingUntil", "state '" + state.name + "' needs a pending time");
        }
        int priority = lookups.validPriority(r.priority() == null ? 3 : r.priority(), "priority");
        TicketType type = r.typeId() == null ? null : lookups.validType(r.typeId(), "typeId");
        Integer serviceId = r.serviceId() == null ? null : lookups.validService(r.serviceId(), "serviceId").id;
        Sla sla = r.slaId() == null ? null : lookups.validSla(r.slaId(), serviceId, "slaId");
        Instant now = Instant.now();
        Ticket t = new Ticket();
        t.number = numbers.next();
        t.title = r.title().strip();
        t.queueId = q.id;
        t.stateId = state.id;
        t.priority = priority;
        t.typeId = type == null ? null : type.id;
        t.serviceId = serviceId;
        t.slaId = sla == null ? null : sla.id;
        t.pendingUntil = state.type.isPending() ? r.pendingUntil() : null;
        t.closedAt = state.type.isClosed() ? now : null;
        t.owner = blankToNull(r.owner());
        t.locked = t.owner != null;
        t.responsible = blankToNull(r.responsible());
        resolveCustomer(actor, t, r);
        t.createdAt = now;
        t.createdBy = actor.username();
        t.changedAt = now;
        t.changedBy = actor.username();
        t.version = 1;
        t.persist();
        journal.history(t, actor, "NewTicket", null, t.number,
                "New ticket [" + t.number + "] created (queue " + q.name + ", state " + state.name + ", priority "
                        + lookups.priorityName(priority) + (t.locked ? ", locked to " + t.owner : "") + ").");
        journal.publish(t, EventTypes.TICKET_CREATED, new TicketCreated(t.id, t.number, t.title, q.id, q.name,
                state.name, state.type.code(), priority, r.channel().code(), t.customerUserId, t.customerId, t.owner,
                t.locked, t.createdAt, type == null ? null : type.name, t.responsible,
                serviceId == null ? null : serviceId.longValue(), sla == null ? null : sla.id.longValue(),
                t.pendingUntil, actor.username()));
        return t;
    }

    private void resolveCustomer(Actor actor, Ticket t, CreateTicketRequest r) {
        CustomerUser cu = null;
        if (actor.isCustomer()) {
            cu = customerUsers.findById(actor.username());
        } else if (r.customerUserId() != null && !r.customerUserId().isBlank()) {
            cu = customerUsers.findById(r.customerUserId());
            t.customerUserId = r.customerUserId();
        } else if (r.channel() == Origin.EMAIL && r.article().from() != null) {
            String address = MailAddresses.address(r.article().from());
            cu = customerUsers.byEmail(address).orElse(null);
            if (cu == null && address != null && address.contains("@")
                    && r.article().senderType() != SenderType.AGENT) {
                cu = newCustomerUser(r.article().from(), address);
            }
        }
        if (cu != null) {
            t.customerUserId = cu.login;
            t.customerId = cu.customerId;
        }
        if (!actor.isCustomer() && r.customerId() != null && !r.customerId().isBlank()) {
            t.customerId = r.customerId();
        }
    }

    /** An inbound mail's unknown sender becomes a customer user whose login is the address (lower case). */
    private CustomerUser newCustomerUser(String from, String address) {
        String login = address.strip().toLowerCase(Locale.ROOT);
        CustomerUser existing = customerUsers.findById(login);
        if (existing != null) {
            return existing;
        }
        CustomerUser cu = new CustomerUser();
        cu.login = login;
        cu.email = login;
        String name = MailAddresses.displayName(from);
        if (name != null) {
            int space = name.lastIndexOf(' ');
            cu.firstName = space < 0 ? name : name.substring(0, space);
            cu.lastName = space < 0 ? null : name.substring(space + 1);
        }
        cu.comment = "created from inbound e-mail";
        Instant now = Instant.now();
        cu.createdAt = now;
        cu.changedAt = now;
        return customerUsers.insertIfAbsent(cu);
    }

    private Queue junkQueue() {
        return queues.byName(config.junk().queue()).filter(q -> q.valid)
                .orElseThrow(() -> ProblemException.invalid("junk", "there is no valid junk queue '" + config.junk().queue() + "'"));
    }

    private ArticleDraft firstArticle(Actor actor, Ticket t, Queue q, CreateTicketRequest r, SenderType sender) {
        ArticleRequest ar = r.article();
        ArticleKind kind = switch (r.channel()) {
            case PHONE -> ArticleKind.PHONE;
            case EMAIL -> sender == SenderType.AGENT ? ArticleKind.REPLY : ArticleKind.EMAIL;
            case WEB, API -> ArticleKind.WEB;
        };
        ArticleRequest withKind = new ArticleRequest(kind, sender, ar.visibleForCustomer(), ar.from(), ar.to(), ar.cc(),
                ar.bcc(), ar.subject() == null ? t.title : ar.subject(), ar.body(), ar.bodyHtml(), ar.messageId(),
                ar.inReplyTo(), ar.references(), ar.timeUnits(), ar.templateId(), null, null, null, ar.attachments(),
                ar.autoResponse());
        ArticleDraft d = articleService.draft(actor, t, q, withKind, sender);
        if (kind == ArticleKind.REPLY) {
            d.kind = ArticleKind.EMAIL;
        }
        if (d.from == null && sender == SenderType.CUSTOMER && actor.isCustomer()) {
            d.from = actor.email();
        }
        return d;
    }

    /** Phone and api tickets record the customer's request; an agent's e-mail ticket is a mail to the customer. */
    private static SenderType firstSender(Actor actor, Origin origin, ArticleRequest ar) {
        if (actor.isCustomer()) {
            return SenderType.CUSTOMER;
        }
        if (ar.senderType() != null) {
            return ar.senderType();
        }
        return origin == Origin.EMAIL ? SenderType.AGENT : SenderType.CUSTOMER;
    }

    /** A customer follow-up to a closed ticket whose queue opens a new ticket instead. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ArticleService.Added followUpAsNewTicket(Actor actor, Ticket closed, ArticleRequest r, SenderType sender) {
        Origin origin = r.kind() == ArticleKind.EMAIL ? Origin.EMAIL : Origin.WEB;
        ArticleRequest ar = new ArticleRequest(r.kind(), sender, true, r.from(), r.to(), r.cc(), r.bcc(), r.subject(),
                r.body(), r.bodyHtml(), r.messageId(), r.inReplyTo(), r.references(), r.timeUnits(), null, null, null,
                null, r.attachments(), r.autoResponse());
        CreateTicketRequest create = new CreateTicketRequest(r.subject() == null ? closed.title : r.subject(),
                closed.queueId, origin, null, closed.priority, closed.typeId, closed.customerUserId, closed.customerId,
                null, null, closed.serviceId, closed.slaId, null, null, ar, r.autoResponse(), null);
        Created created = create(actor, create);
        Article first = articles.ofTicket(created.ticket().id(), false).get(0);
        return new ArticleService.Added(views.article(first, actor), created.ticket().id(), created.ticket().version(), true);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
