package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relaydesk.ticket.Article;
import org.relaydesk.ticket.ArticleKind;
import org.relaydesk.ticket.AutoResponse;
import org.relaydesk.ticket.Channel;
import org.relaydesk.ticket.CustomerUser;
import org.relaydesk.ticket.Queue;
import org.relaydesk.ticket.Salutation;
import org.relaydesk.ticket.SenderType;
import org.relaydesk.ticket.Signature;
import org.relaydesk.ticket.SystemAddress;
import org.relaydesk.ticket.Template;
import org.relaydesk.ticket.Ticket;
import org.relaydesk.ticket.api.ArticleRequest;
import org.relaydesk.ticket.repository.ArticleRepository;
import org.relaydesk.ticket.repository.AttachmentRepository;
import org.relaydesk.ticket.repository.CustomerUserRepository;
import org.relaydesk.ticket.repository.QueueTemplateRepository;
import org.relaydesk.ticket.repository.SalutationRepository;
import org.relaydesk.ticket.repository.SignatureRepository;
import org.relaydesk.ticket.repository.SystemAddressRepository;
import org.relaydesk.ticket.repository.TemplateRepository;

/**
 * Builds outbound mail articles: replies (salutation + template + text + signature, rendered
 * with ticket, customer and agent variables), forwards, bounces and auto responses. Subjects
 * carry the ticket tag {@code [Ticket#number]} so that answers thread back into the ticket.
 */
@ApplicationScoped
public class MailComposer {

    @Inject
    SystemAddressRepository addresses;
    @Inject
    SalutationRepository salutations;
    @Inject
    SignatureRepository signatures;
    @Inject
    TemplateRepository templates;
    @Inject
    QueueTemplateRepository queueTemplates;
    @Inject
    CustomerUserRepository customerUsers;
    @Inject
    ArticleRepository articles;
    @Inject
    AttachmentRepository attachments;

    public ArticleDraft reply(Ticket t, Queue q, Actor agent, ArticleRequest r) {
        Map<String, String> vars = variables(t, q, agent);
        String template = "";
        if (r.templateId() != null) {
            Template tpl = templates.findByIdOptional(r.templateId()).filter(x -> x.valid)
                    .orElseThrow(() -> ProblemException.invalid("templateId", "no valid template " + r.templateId()));
            if (!queueTemplates.assigned(q.id, tpl.id)) {
                throw ProblemException.invalid("templateId", "template " + tpl.id + " is not assigned to queue " + q.name);
            }
            template = TemplateRenderer.render(tpl.body, vars);
        }
        String salutation = q.salutationId == null ? "" : salutations.findByIdOptional(q.salutationId)
                .filter(s -> s.valid).map(s -> TemplateRenderer.render(s.body, vars)).orElse("");
        String signature = q.signatureId == null ? "" : signatures.findByIdOptional(q.signatureId)
                .filter(s -> s.valid).map(s -> TemplateRenderer.render(s.body, vars)).orElse("");
        String text = salutation + template + nullToEmpty(r.body()) + signature;
        ArticleDraft d = new ArticleDraft(ArticleKind.REPLY, SenderType.AGENT, Channel.EMAIL,
                r.visibleForCustomer() == null || r.visibleForCustomer());
        d.from = systemFrom(q);
        d.to = r.to() != null && !r.to().isBlank() ? r.to() : customerAddress(t)
                .orElseThrow(() -> ProblemException.invalid("to", "the ticket has no customer address; give one"));
        d.cc = r.cc();
        d.bcc = r.bcc();
        d.subject = tagged(t, r.subject() != null && !r.subject().isBlank() ? r.subject() : "RE: " + t.title);
        d.bodyText = text;
        if (r.bodyHtml() != null && !r.bodyHtml().isBlank()) {
            d.bodyHtml = htmlParagraph(salutation + template) + r.bodyHtml() + htmlParagraph(signature);
        }
        d.outbound = true;
        threadOnto(t, d);
        return d;
    }

    public ArticleDraft forward(Ticket t, Queue q, ArticleRequest r) {
        requireRecipient(r);
        Article source = source(t, r.sourceArticleId(), false);
        ArticleDraft d = new ArticleDraft(ArticleKind.FORWARD, SenderType.AGENT, Channel.EMAIL,
                r.visibleForCustomer() != null && r.visibleForCustomer());
        d.from = systemFrom(q);
        d.to = r.to();
        d.cc = r.cc();
        d.bcc = r.bcc();
        d.subject = tagged(t, r.subject() != null && !r.subject().isBlank() ? r.subject() : "FW: " + nullToEmpty(source.subject));
        d.bodyText = nullToEmpty(r.body()) + "\n\n---- Forwarded message from " + nullToEmpty(source.from) + " ----\n\n"
                + source.bodyText;
        d.outbound = true;
        attachments.list("articleId = ?1 order by id", source.id).forEach(file ->
                d.files.add(new ArticleDraft.NewFile(file.filename, file.contentType, file.content)));
        return d;
    }

    public ArticleDraft bounce(Ticket t, ArticleRequest r) {
        requireRecipient(r);
        Article source = source(t, r.sourceArticleId(), true);
        ArticleDraft d = new ArticleDraft(ArticleKind.BOUNCE, SenderType.AGENT, Channel.EMAIL, false);
        d.from = source.from;
        d.to = r.to();
        d.subject = source.subject;
        d.bodyText = source.bodyText;
        d.bodyHtml = source.bodyHtml;
        d.inReplyTo = source.inReplyTo;
        d.references = source.references;
        d.outbound = true;
        return d;
    }

    /** The auto response of a queue to a customer, or empty when the queue sends none or no address is known. */
    public Optional<ArticleDraft> autoResponse(Ticket t, Queue q, AutoResponse response, Article trigger) {
        Optional<String> to = trigger.from != null && !trigger.from.isBlank() ? Optional.of(trigger.from) : customerAddress(t);
        if (to.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> vars = variables(t, q, Actor.SYSTEM);
        ArticleDraft d = new ArticleDraft(ArticleKind.AUTO_RESPONSE, SenderType.SYSTEM, Channel.EMAIL, true);
        SystemAddress address = response.systemAddressId == null ? null : addresses.findById(response.systemAddressId);
        d.from = address != null ? format(address) : systemFrom(q);
        d.to = to.get();
        d.subject = tagged(t, TemplateRenderer.render(response.subject, vars));
        d.bodyText = TemplateRenderer.render(response.body, vars);
        d.inReplyTo = trigger.messageId;
        d.references = trigger.messageId;
        d.outbound = true;
        return Optional.of(d);
    }

    /** Template variables for a ticket, its customer user and the acting agent. */
    public Map<String, String> variables(Ticket t, Queue q, Actor agent) {
        Map<String, String> vars = new HashMap<>();
        vars.put("ticket.number", t.number);
        vars.put("ticket.title", t.title);
        vars.put("ticket.id", String.valueOf(t.id));
        vars.put("queue.name", q.name);
        vars.put("agent.username", agent.username());
        vars.put("agent.firstName", agent.firstName());
        vars.put("agent.lastName", agent.lastName());
        vars.put("agent.email", agent.email());
        CustomerUser cu = t.customerUserId == null ? null : customerUsers.findById(t.customerUserId);
        vars.put("customer.login", t.customerUserId);
        vars.put("customer.customerId", t.customerId);
        if (cu != null) {
            vars.put("customer.firstName", cu.firstName);
            vars.put("customer.lastName", cu.lastName);
            vars.put("customer.email", cu.email);
        }
        return vars;
    }

    /** Adds the ticket tag to a subject that lacks it. */
    public static String tagged(Ticket t, String subject) {
        String tag = "[Ticket#" + t.number + "]";
        if (subject.contains(tag)) {
            return subject;
        }
        int colon = subject.matches("(?i)^(re|fw|fwd|aw|wg):.*") ? subject.indexOf(':') + 1 : 0;
        return (subject.substring(0, colon) + " " + tag + " " + subject.substring(colon).strip()).strip();
    }

    private Optional<String> customerAddress(Ticket t) {
        if (t.customerUserId != null) {
            CustomerUser cu = customerUsers.findById(t.customerUserId);
            if (cu != null && cu.email != null) {
                return Optional.of(cu.email);
            }
        }
        return lastCustomerArticle(t).map(a -> a.from).filter(f -> f != null && !f.isBlank());
    }

    private Optional<Article> lastCustomerArticle(Ticket t) {
        List<Article> list = articles.ofTicket(t.id, false);
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).senderType == SenderType.CUSTOMER) {
                return Optional.of(list.get(i));
            }
        }
        return Optional.empty();
    }

    private void threadOnto(Ticket t, ArticleDraft d) {
        lastCustomerArticle(t).filter(a -> a.messageId != null).ifPresent(a -> {
            d.inReplyTo = a.messageId;
            d.references = a.references == null ? a.messageId : a.references + " " + a.messageId;
        });
    }

    private Article source(Ticket t, Long articleId, boolean mailOnly) {
        if (articleId != null) {
            return articles.ofTicket(t.id, articleId)
                    .orElseThrow(() -> ProblemException.invalid("sourceArticleId", "no article " + articleId + " in this ticket"));
        }
        List<Article> list = articles.ofTicket(t.id, false);
        for (int i = list.size() - 1; i >= 0; i--) {
            Article a = list.get(i);
            if (!mailOnly || (a.channel == Channel.EMAIL && !a.outbound)) {
                return a;
            }
        }
        throw ProblemException.invalid("sourceArticleId", "the ticket has no article to use; give one");
    }

    private String systemFrom(Queue q) {
        SystemAddress address = q.systemAddressId == null ? null : addresses.findById(q.systemAddressId);
        if (address == null) {
            address = addresses.find("valid = true order by id").firstResult();
        }
        if (address == null) {
            throw ProblemException.conflict("queue " + q.name + " has no system address to send from");
        }
        return format(address);
    }

    private static String format(SystemAddress a) {
        return "\"" + a.displayName.replace("\"", "") + "\" <" + a.email + ">";
    }

    private static void requireRecipient(ArticleRequest r) {
        if (r.to() == null || r.to().isBlank()) {
            throw ProblemException.invalid("to", "a recipient is required");
        }
    }

    private static String htmlParagraph(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return "<p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>") + "</p>";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
