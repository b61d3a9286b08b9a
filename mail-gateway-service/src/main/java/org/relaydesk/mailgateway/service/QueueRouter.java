package org.relaydesk.mailgateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.relaydesk.mailgateway.Dispatch;
import org.relaydesk.mailgateway.SystemAddress;
import org.relaydesk.mailgateway.client.TicketServiceClient;
import org.relaydesk.mailgateway.config.MailGatewayConfig;
import org.relaydesk.mailgateway.parsing.MailAddress;
import org.relaydesk.mailgateway.parsing.ParsedMail;
import org.relaydesk.mailgateway.pipeline.PipelineDecision;
import org.relaydesk.mailgateway.repository.SystemAddressRepository;

/**
 * Picks the queue of a new ticket, first match wins: a trusted account's {@code X-RelayDesk-Queue}
 * (or OTRS's {@code X-OTRS-Queue}) header, a postmaster filter's SetQueue, junk → the junk queue,
 * the account's queue (dispatch QUEUE), the system address of a recipient (Delivered-To,
 * X-Original-To, To, Cc, in that order), the configured default queue. Queue names (from filters
 * and headers) are looked up in ticket-service; a number is taken as a queue id.
 */
@ApplicationScoped
public class QueueRouter {

    @Inject
    SystemAddressRepository addresses;
    @Inject
    TicketServiceClient tickets;
    @Inject
    MailGatewayConfig config;

    /** @throws RoutingException when no queue can be found */
    public long route(ParsedMail mail, PipelineDecision decision, Dispatch dispatch, Long accountQueueId, boolean trusted) {
        if (trusted) {
            String header = Optional.ofNullable(mail.header("X-RelayDesk-Queue")).orElse(mail.header("X-OTRS-Queue"));
            if (header != null && !header.isBlank()) {
                return queueByName(header.trim(), "header X-RelayDesk-Queue/X-OTRS-Queue of a trusted account");
            }
        }
        if (decision.filters().queue() != null) {
            return queueByName(decision.filters().queue(), "postmaster filter " + decision.filters().matchedFilters());
        }
        if (decision.junk() && config.inbound().junkQueueId().isPresent()) {
            return config.inbound().junkQueueId().get();
        }
        if (dispatch == Dispatch.QUEUE && accountQueueId != null) {
            return accountQueueId;
        }
        for (String recipient : recipients(mail)) {
            Optional<SystemAddress> a = addresses.byAddress(recipient).filter(s -> s.enabled);
            if (a.isPresent()) {
                return a.get().queueId;
            }
        }
        if (config.inbound().defaultQueueId().isPresent()) {
            return config.inbound().defaultQueueId().get();
        }
        throw new RoutingException("no system address matches the recipients " + recipients(mail)
                + " and no default queue is set (relaydesk.mail.inbound.default-queue-id)");
    }

    /** Recipient addresses in lower case, envelope hints first. */
    static List<String> recipients(ParsedMail mail) {
        Set<String> all = new LinkedHashSet<>();
        for (String h : List.of("Delivered-To", "X-Original-To", "Envelope-To")) {
            for (String v : mail.headers().all(h)) {
                String a = v.trim().toLowerCase(Locale.ROOT);
                if (a.startsWith("<") && a.endsWith(">")) {
                    a = a.substring(1, a.length() - 1);
                }
                if (!a.isEmpty()) {
                    all.add(a);
                }
            }
        }
        List<MailAddress> visible = new ArrayList<>(mail.to());
        visible.addAll(mail.cc());
        visible.forEach(a -> all.add(a.address()));
        return List.copyOf(all);
    }

    private long queueByName(String nameOrId, String source) {
        if (nameOrId.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(nameOrId);
        }
        return tickets.queues().stream()
                .filter(q -> q.name() != null && q.name().equalsIgnoreCase(nameOrId))
                .findFirst()
                .map(TicketServiceClient.QueueRef::id)
                .orElseThrow(() -> new RoutingException("queue '" + nameOrId + "' named by " + source
                        + " is not known to ticket-service"));
    }
}
