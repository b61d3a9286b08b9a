package org.relaydesk.contracts.ticket;

import java.time.Instant;
import java.util.List;

/**
 * Payload of {@code ArticleAdded} (version 1): an article was added to a ticket. Outbound articles
 * ({@code outbound = true}, delivery status {@code queued}) are what the mail-gateway sends.
 *
 * @param ticketId           ticket id
 * @param ticketNumber       ticket number (for the subject tag of outgoing mail)
 * @param articleId          article id
 * @param kind               note, phone, email, web, reply, forward, bounce, auto_response
 * @param senderType         agent, customer or system
 * @param channel            email, phone, note or web
 * @param visibleForCustomer false for internal articles
 * @param from               From address
 * @param to                 To addresses, comma separated
 * @param cc                 Cc addresses
 * @param bcc                Bcc addresses (outbound only)
 * @param subject            subject
 * @param bodyText           plain-text body
 * @param bodyHtml           sanitised HTML body, may be null
 * @param messageId          Message-ID header
 * @param inReplyTo          In-Reply-To header
 * @param references         References header
 * @param outbound           whether the mail-gateway has to send it
 * @param deliveryStatus     queued for outbound articles, else null
 * @param attachmentNames    file names of the attachments
 * @param createdBy          agent login, customer user login or {@code system}
 * @param createdAt          creation instant
 * @param queueId            the ticket's queue when the article was added (null from producers before it was added)
 */
public record ArticleAdded(
        long ticketId,
        String ticketNumber,
        long articleId,
        String kind,
        String senderType,
        String channel,
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
        String deliveryStatus,
        List<String> attachmentNames,
        String createdBy,
        Instant createdAt,
        Long queueId) {

    /** The payload without the queue (the field list before {@code queueId} was appended). */
    public ArticleAdded(long ticketId, String ticketNumber, long articleId, String kind, String senderType,
            String channel, boolean visibleForCustomer, String from, String to, String cc, String bcc, String subject,
            String bodyText, String bodyHtml, String messageId, String inReplyTo, String references, boolean outbound,
            String deliveryStatus, List<String> attachmentNames, String createdBy, Instant createdAt) {
        this(ticketId, ticketNumber, articleId, kind, senderType, channel, visibleForCustomer, from, to, cc, bcc,
                subject, bodyText, bodyHtml, messageId, inReplyTo, references, outbound, deliveryStatus,
                attachmentNames, createdBy, createdAt, null);
    }
}
