package org.relaydesk.mailgateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.relaydesk.mailgateway.Dispatch;
import org.relaydesk.mailgateway.InboundMail;
import org.relaydesk.mailgateway.InboundStatus;
import org.relaydesk.mailgateway.MailAccount;
import org.relaydesk.mailgateway.config.MailGatewayConfig;
import org.relaydesk.mailgateway.repository.InboundMailRepository;
import org.relaydesk.mailgateway.repository.MailAccountRepository;

/** The state changes of a stored inbound mail, each in its own short transaction. */
@ApplicationScoped
public class InboundTransitions {

    /** A mail claimed for one processing attempt, with what processing needs of its account. */
    public record Claimed(UUID id, byte[] raw, String messageId, String rawSha256, int attempts, UUID accountId,
            Dispatch dispatch, Long accountQueueId, boolean trusted) {
    }

    /** The outcome to record. */
    public record Outcome(InboundStatus status, String decisions, String warnings, Long ticketId, String ticketNumber,
            Long articleId, String note) {
    }

    @Inject
    InboundMailRepository mails;
    @Inject
    MailAccountRepository accounts;
    @Inject
    MailGatewayConfig config;
    @Inject
    org.relaydesk.mailgateway.repository.KnownTicketRepository known;

    /** Claims the mail if it is due and free: PROCESSING with a lease, one more attempt. */
    @Transactional
    public Optional<Claimed> claim(UUID id) {
        Optional<InboundMail> locked = mails.lockIfDue(id);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        InboundMail m = locked.get();
        m.status = InboundStatus.PROCESSING;
        m.attempts++;
        m.nextAttemptAt = Instant.now().plus(config.inbound().lease());
        MailAccount a = m.accountId == null ? null : accounts.findById(m.accountId);
        return Optional.of(new Claimed(m.id, m.raw, m.messageId, m.rawSha256, m.attempts, m.accountId,
                a == null ? Dispatch.SYSTEM_ADDRESS : a.dispatch, a == null ? null : a.queueId, a != null && a.trusted));
    }

    @Transactional
    public void finish(UUID id, Outcome o) {
        finish(id, o, null);
    }

    /** Records the outcome and, for a new ticket, its number for follow-up detection, in one transaction. */
    @Transactional
    public void finish(UUID id, Outcome o, Long queueId) {
        if (o.ticketId() != null && o.ticketNumber() != null) {
            known.remember(o.ticketId(), o.ticketNumber(), queueId);
        }
        InboundMail m = mails.findById(id);
        m.status = o.status();
        m.decisions = o.decisions();
        m.parseWarnings = o.warnings();
        m.ticketId = o.ticketId();
        m.ticketNumber = o.ticketNumber();
        m.articleId = o.articleId();
        m.lastError = o.note();
        m.processedAt = Instant.now();
    }

    /** Back to RECEIVED, due again after a backoff that doubles with each attempt. */
    @Transactional
    public Instant retryLater(UUID id, int attempts, String error, String decisions) {
        InboundMail m = mails.findById(id);
        m.status = InboundStatus.RECEIVED;
        m.lastError = error;
        m.decisions = decisions;
        m.nextAttemptAt = Instant.now().plus(backoff(attempts));
        return m.nextAttemptAt;
    }

    Duration backoff(int attempts) {
        Duration min = config.inbound().retryMin();
        Duration max = config.inbound().retryMax();
        int shift = Math.min(Math.max(attempts - 1, 0), 20);
        Duration d = min.multipliedBy(1L << shift);
        return d.compareTo(max) > 0 ? max : d;
    }
}
