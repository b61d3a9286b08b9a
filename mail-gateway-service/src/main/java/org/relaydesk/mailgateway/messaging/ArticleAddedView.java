package org.relaydesk.mailgateway.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the mail-gateway reads of an {@code ArticleAdded} payload (ticket-service's contract
 * {@code org.relaydesk.contracts.ticket.ArticleAdded}, version 1): a tolerant reader of the fields
 * it needs, so additions to the contract never break it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleAddedView(
        long ticketId,
        String ticketNumber,
        long articleId,
        String kind,
        String senderType,
        String channel,
        String from,
        String to,
        String cc,
        String bcc,
        String subject,
        String bodyText,
        String bodyHtml,
        String messageId,
        String inReplyTo,
        String references,
        boolean outbound,
        String deliveryStatus,
        List<String> attachmentNames,
        Long queueId) {

    /** Whether the gateway has to send this article as a mail. */
    public boolean toSend() {
        return outbound && (channel == null || "email".equalsIgnoreCase(channel))
                && (deliveryStatus == null || "queued".equalsIgnoreCase(deliveryStatus));
    }
}
