package org.relaydesk.contracts.ticket;

/**
 * Payload of {@code ArticleDeliveryChanged} (version 1): the mail-gateway reported the
 * delivery result of an outbound article.
 *
 * @param ticketId  ticket id
 * @param articleId article id
 * @param status    sent or failed
 * @param detail    SMTP response or error
 */
public record ArticleDeliveryChanged(
        long ticketId,
        long articleId,
        String status,
        String detail) {
}
