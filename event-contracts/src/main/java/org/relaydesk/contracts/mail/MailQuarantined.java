package org.relaydesk.contracts.mail;

import java.time.Instant;

/**
 * Payload of {@code MailQuarantined} (version 1) on {@code mail.quarantine}, keyed by the inbound
 * mail id: a mail could not be parsed or processed and waits for an admin
 * ({@code GET /api/mail/quarantine}, {@code POST /api/mail/quarantine/{id}/replay}).
 *
 * @param quarantineId  id of the quarantine entry
 * @param inboundMailId id of the stored raw mail
 * @param messageId     the mail's Message-ID without brackets, or null
 * @param from          the sender as far as it could be read, or null
 * @param subject       the subject as far as it could be read, or null
 * @param stage         where it failed: parse, routing, ticket-service, bounce, ...
 * @param reason        why, in words
 * @param replayCount   how often it was replayed before
 * @param quarantinedAt when
 */
public record MailQuarantined(
        String quarantineId,
        String inboundMailId,
        String messageId,
        String from,
        String subject,
        String stage,
        String reason,
        int replayCount,
        Instant quarantinedAt) {
}
