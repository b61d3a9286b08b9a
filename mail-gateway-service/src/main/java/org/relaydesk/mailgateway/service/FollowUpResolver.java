package org.relaydesk.mailgateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.relaydesk.mailgateway.client.TicketServiceClient;
import org.relaydesk.mailgateway.pipeline.FollowUp;
import org.relaydesk.mailgateway.repository.InboundMailRepository;
import org.relaydesk.mailgateway.repository.KnownTicketRepository;
import org.relaydesk.mailgateway.repository.OutboundMailRepository;

/**
 * Finds the ticket a mail follows up on: the ticket number of the subject (tickets seen on
 * {@code ticket.events}, tickets this gateway created, then ticket-service), else the
 * In-Reply-To/References ids among the mails this gateway sent and received.
 */
@ApplicationScoped
public class FollowUpResolver {

    /** The ticket found and how. */
    public record Target(long ticketId, String ticketNumber, String how) {
    }

    @Inject
    KnownTicketRepository known;
    @Inject
    InboundMailRepository inbound;
    @Inject
    OutboundMailRepository outbound;
    @Inject
    TicketServiceClient tickets;

    public Optional<Target> resolve(FollowUp followUp) {
        if (followUp == null) {
            return Optional.empty();
        }
        if (followUp.hasTicketNumber()) {
            Optional<Target> byNumber = byNumber(followUp.ticketNumber());
            if (byNumber.isPresent()) {
                return byNumber;
            }
        }
        return byReferences(followUp.referencedMessageIds());
    }

    private Optional<Target> byNumber(String number) {
        Optional<Long> local = localNumber(number);
        if (local.isPresent()) {
            return Optional.of(new Target(local.get(), number, "ticket number " + number));
        }
        return tickets.ticketByNumber(number).map(t -> new Target(t.id(), number, "ticket number " + number + " (ticket-service)"));
    }

    private Optional<Long> localNumber(String number) {
        Optional<Long> id = known.idOf(number);
        return id.isPresent() ? id : inbound.ticketOfNumber(number);
    }

    private Optional<Target> byReferences(List<String> ids) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<String> bracketed = ids.stream().map(i -> "<" + i + ">").toList();
        Optional<Long> t = outbound.ticketOfMessageIds(bracketed);
        if (t.isEmpty()) {
            t = inbound.ticketOfMessageIds(ids);
        }
        return t.map(id -> new Target(id, null, "references " + ids));
    }
}
