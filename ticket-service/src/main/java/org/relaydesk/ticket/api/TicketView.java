package org.relaydesk.ticket.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.relaydesk.ticket.StateType;

/** A ticket as agents see it; {@code articles} only on a single-ticket read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(
        long id,
        String number,
        String title,
        int queueId,
        String queue,
        String state,
        StateType stateType,
        int priority,
        String priorityName,
        Integer typeId,
        String type,
        boolean locked,
        String owner,
        String responsible,
        String customerUserId,
        String customerId,
        Integer serviceId,
        String service,
        Integer slaId,
        String sla,
        Instant pendingUntil,
        boolean escalated,
        BigDecimal timeUnits,
        Instant createdAt,
        String createdBy,
        Instant changedAt,
        String changedBy,
        Instant closedAt,
        long version,
        Long mergedIntoTicketId,
        String mergedIntoNumber,
        Long splitFromTicketId,
        Map<String, JsonNode> dynamicFields,
        Boolean seen,
        List<ArticleView> articles) {
}
