package org.relaydesk.ticket.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.relaydesk.ticket.ArticleKind;
import org.relaydesk.ticket.Channel;
import org.relaydesk.ticket.DeliveryStatus;
import org.relaydesk.ticket.SenderType;

/** An article; {@code seen} is the reading agent's flag (absent for customers). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleView(
        long id,
        long ticketId,
        ArticleKind kind,
        SenderType senderType,
        Channel channel,
        boolean visibleForCustomer,
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
        DeliveryStatus deliveryStatus,
        String deliveryDetail,
        BigDecimal timeUnits,
        Instant createdAt,
        String createdBy,
        Boolean seen,
        List<AttachmentView> attachments) {

    /** Metadata of an attachment; the content is downloaded separately. */
    public record AttachmentView(long id, String filename, String contentType, long size) {
    }
}
