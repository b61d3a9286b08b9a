package org.relaydesk.ticket.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.relaydesk.ticket.ArticleKind;
import org.relaydesk.ticket.SenderType;

/**
 * An article to add. {@code kind} picks the action: note, phone, reply (e-mail to the customer,
 * rendered with salutation, template and signature), forward, bounce, email (an inbound mail,
 * e.g. from the mail-gateway) or web. {@code nextState} (and {@code pendingUntil} for pending
 * states) changes the ticket's state with the article, e.g. to reopen it. {@code autoResponse = false}
 * suppresses the queue's auto response (the mail-gateway sends it for auto-replies, bounces and loops).
 */
public record ArticleRequest(
        ArticleKind kind,
        SenderType senderType,
        Boolean visibleForCustomer,
        @Size(max = 2000) String from,
        @Size(max = 10000) String to,
        @Size(max = 10000) String cc,
        @Size(max = 10000) String bcc,
        @Size(max = 500) String subject,
        String body,
        String bodyHtml,
        @Size(max = 500) String messageId,
        @Size(max = 500) String inReplyTo,
        String references,
        @DecimalMin("0") BigDecimal timeUnits,
        Integer templateId,
        Long sourceArticleId,
        String nextState,
        Instant pendingUntil,
        List<@Valid AttachmentUpload> attachments,
        Boolean autoResponse) {

    /** Whether an inbound customer mail may trigger the queue's auto response (default true). */
    public boolean autoResponseAllowed() {
        return autoResponse == null || autoResponse;
    }
}
