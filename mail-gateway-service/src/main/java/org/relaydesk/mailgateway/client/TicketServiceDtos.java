package org.relaydesk.mailgateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** Request bodies of ticket-service's REST API as the mail-gateway sends them. */
public final class TicketServiceDtos {

    private TicketServiceDtos() {
    }

    /**
     * {@code POST /api/tickets}. {@code autoResponse} tells ticket-service whether the pipeline allows
     * an auto response; {@code junk} files the ticket closed in the junk queue.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateTicket(
            String title,
            long queueId,
            String channel,
            String state,
            Integer priority,
            Map<String, String> dynamicFields,
            Article article,
            Boolean autoResponse,
            Boolean junk) {
    }

    /** {@code POST /api/tickets/{id}/articles} and the first article of a ticket. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Article(
            String kind,
            String senderType,
            Boolean visibleForCustomer,
            String from,
            String to,
            String cc,
            String subject,
            String body,
            String bodyHtml,
            String messageId,
            String inReplyTo,
            String references,
            List<Attachment> attachments,
            Boolean autoResponse) {
    }

    /** An attachment, base64-encoded. */
    public record Attachment(String filename, String contentType, String contentBase64) {
    }
}
