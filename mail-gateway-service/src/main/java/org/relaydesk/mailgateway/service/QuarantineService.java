package org.relaydesk.mailgateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.mail.MailEventTypes;
import org.relaydesk.contracts.mail.MailQuarantined;
import org.relaydesk.mailgateway.InboundMail;
import org.relaydesk.mailgateway.InboundStatus;
import org.relaydesk.mailgateway.QuarantinedMail;
import org.relaydesk.mailgateway.messaging.Outbox;
import org.relaydesk.mailgateway.repository.InboundMailRepository;
import org.relaydesk.mailgateway.repository.QuarantineRepository;

/**
 * The quarantine: mail that could not be parsed or processed is kept (raw, in the store) with the
 * stage and the reason, announced on {@code mail.quarantine}, listed for admins and replayable.
 */
@ApplicationScoped
public class QuarantineService {

    private static final Logger LOG = Logger.getLogger(QuarantineService.class);

    /** A quarantine entry as the admin API shows it. */
    public record Entry(UUID id, UUID inboundMailId, String messageId, String stage, String reason,
            Instant quarantinedAt, int replayCount, Instant lastReplayAt, Instant releasedAt, String releasedBy,
            InboundStatus mailStatus, int rawSize, UUID accountId) {
    }

    @Inject
    QuarantineRepository quarantine;
    @Inject
    InboundMailRepository mails;
    @Inject
    Outbox outbox;

    /** Puts the mail into quarantine (or back, after a failed replay) and announces it. */
    @Transactional
    public void quarantine(UUID mailId, String stage, String reason, String from, String subject, String decisions,
            String warnings) {
        InboundMail m = mails.findById(mailId);
        m.status = InboundStatus.QUARANTINED;
        m.lastError = stage + ": " + reason;
        m.decisions = decisions;
        m.parseWarnings = warnings;
        m.processedAt = Instant.now();
        QuarantinedMail q = quarantine.ofMail(mailId).orElseGet(() -> {
            QuarantinedMail n = new QuarantinedMail();
            n.id = UUID.randomUUID();
            n.inboundMailId = mailId;
            return n;
        });
        q.stage = stage;
        q.reason = reason;
        q.quarantinedAt = Instant.now();
        q.releasedAt = null;
        q.releasedBy = null;
        q.persist();
        outbox.write(Topics.MAIL_QUARANTINE, "inbound-mail", mailId.toString(), MailEventTypes.MAIL_QUARANTINED,
                new MailQuarantined(q.id.toString(), mailId.toString(), m.messageId, from, subject, stage, reason,
                        q.replayCount, q.quarantinedAt));
        LOG.warnf("mail %s (%s) quarantined at stage %s: %s", mailId, m.messageId, stage, reason);
    }

    /** Open entries (not released by a successful replay) first, newest first. */
    @Transactional
    public List<Entry> list(boolean includeReleased, int limit) {
        List<QuarantinedMail> rows = includeReleased
                ? quarantine.find("order by quarantinedAt desc").page(0, limit).list()
                : quarantine.find("releasedAt is null order by quarantinedAt desc").page(0, limit).list();
        return rows.stream().map(this::entry).toList();
    }

    @Transactional
    public Optional<Entry> get(UUID id) {
        return quarantine.findByIdOptional(id).map(this::entry);
    }

    /**
     * Makes the mail due again for processing; returns its id, or empty when the entry does not
     * exist. The caller then processes it.
     */
    @Transactional
    public Optional<UUID> prepareReplay(UUID id, String by) {
        Optional<QuarantinedMail> found = quarantine.findByIdOptional(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        QuarantinedMail q = found.get();
        q.replayCount++;
        q.lastReplayAt = Instant.now();
        q.releasedBy = by;
        InboundMail m = mails.findById(q.inboundMailId);
        if (m.status == InboundStatus.QUARANTINED) {
            m.status = InboundStatus.RECEIVED;
            m.nextAttemptAt = Instant.now();
        }
        return Optional.of(q.inboundMailId);
    }

    /** Marks the entry released when its replay went through. */
    @Transactional
    public void released(UUID id, String by) {
        quarantine.findByIdOptional(id).ifPresent(q -> {
            InboundMail m = mails.findById(q.inboundMailId);
            if (m.status != InboundStatus.QUARANTINED && m.status.isFinal()) {
                q.releasedAt = Instant.now();
                q.releasedBy = by;
            }
        });
    }

    private Entry entry(QuarantinedMail q) {
        InboundMail m = mails.findById(q.inboundMailId);
        return new Entry(q.id, q.inboundMailId, m.messageId, q.stage, q.reason, q.quarantinedAt, q.replayCount,
                q.lastReplayAt, q.releasedAt, q.releasedBy, m.status, m.rawSize, m.accountId);
    }
}
