package org.relaydesk.ticket.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.relaydesk.ticket.StateType;

/** A ticket as its customer sees it in the portal: no internal fields, only customer-visible articles. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortalTicketView(long id, String number, String title, String queue, String state, StateType stateType,
        int priority, Instant createdAt, Instant changedAt, Instant closedAt, long version, List<ArticleView> articles) {

    public static PortalTicketView of(TicketView t) {
        return new PortalTicketView(t.id(), t.number(), t.title(), t.queue(), t.state(), t.stateType(), t.priority(),
                t.createdAt(), t.changedAt(), t.closedAt(), t.version(), t.articles());
    }
}
