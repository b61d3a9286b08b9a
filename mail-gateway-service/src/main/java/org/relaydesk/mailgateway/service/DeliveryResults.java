package org.relaydesk.mailgateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.relaydesk.contracts.Topics;
import org.relaydesk.contracts.mail.MailDeliveryResult;
import org.relaydesk.contracts.mail.MailEventTypes;
import org.relaydesk.mailgateway.OutboundMail;
import org.relaydesk.mailgateway.messaging.Outbox;

/** Writes delivery results to the outbox, in the transaction that records them. */
@ApplicationScoped
public class DeliveryResults {

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void sent(OutboundMail o, String smtpResponse, Instant at) {
        publish(o, MailEventTypes.MAIL_SENT, MailDeliveryResult.SENT, smtpResponse, false, at);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(OutboundMail o, String detail, boolean bounce, Instant at) {
        publish(o, MailEventTypes.MAIL_DELIVERY_FAILED, MailDeliveryResult.FAILED, detail, bounce, at);
    }

    private void publish(OutboundMail o, String type, String status, String detail, boolean bounce, Instant at) {
        String key = o.ticketId != null ? o.ticketId.toString() : o.requestId != null ? o.requestId : o.id.toString();
        outbox.write(Topics.MAIL_DELIVERY, o.ticketId != null ? "ticket" : "mail-request", key, type,
                new MailDeliveryResult(o.ticketId, o.articleId, o.requestId, status, detail, o.messageId,
                        OutboundRecipients.all(o), o.attempts, bounce, at));
    }
}
