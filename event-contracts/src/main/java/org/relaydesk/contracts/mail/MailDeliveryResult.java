package org.relaydesk.contracts.mail;

import java.time.Instant;

/**
 * Payload of {@code MailSent} and {@code MailDeliveryFailed} (version 1) on {@code mail.delivery},
 * keyed by ticket id (or by request id for mail without a ticket). ticket-service applies it to
 * the article's delivery status; the latest {@code occurredAt} wins (a bounce arrives after the
 * {@code MailSent} of the same article).
 *
 * @param ticketId   the ticket, or null for a {@code mail.outbound} request without a ticket
 * @param articleId  the outbound article, or null for a {@code mail.outbound} request
 * @param requestId  the {@code mail.outbound} request id, or null for an article
 * @param status     {@code sent} or {@code failed}
 * @param detail     the SMTP server's answer, the error, or the bounce's status and diagnostic
 * @param messageId  the Message-ID of the mail (with angle brackets)
 * @param recipients all envelope recipients, comma separated
 * @param attempts   SMTP attempts made
 * @param bounce     whether this failure was reported by a bounce (delivery status notification)
 * @param occurredAt when the result was known
 */
public record MailDeliveryResult(
        Long ticketId,
        Long articleId,
        String requestId,
        String status,
        String detail,
        String messageId,
        String recipients,
        int attempts,
        boolean bounce,
        Instant occurredAt) {

    public static final String SENT = "sent";
    public static final String FAILED = "failed";
}
