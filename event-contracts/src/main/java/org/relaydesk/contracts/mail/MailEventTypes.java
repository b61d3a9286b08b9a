package org.relaydesk.contracts.mail;

/**
 * Event type names of the mail-gateway's topics ({@code mail.delivery}, {@code mail.quarantine})
 * and of the {@code mail.outbound} command topic.
 */
public final class MailEventTypes {

    /** {@code mail.delivery}: an outbound mail was accepted by the SMTP relay; payload {@link MailDeliveryResult}. */
    public static final String MAIL_SENT = "MailSent";
    /** {@code mail.delivery}: an outbound mail could not be delivered (SMTP refusal, retries exhausted, or a bounce came back); payload {@link MailDeliveryResult}. */
    public static final String MAIL_DELIVERY_FAILED = "MailDeliveryFailed";
    /** {@code mail.quarantine}: an inbound mail could not be parsed or processed; payload {@link MailQuarantined}. */
    public static final String MAIL_QUARANTINED = "MailQuarantined";
    /** {@code mail.outbound}: a service asks the mail-gateway to send a mail; payload {@link OutboundMailRequest}. */
    public static final String OUTBOUND_MAIL_REQUESTED = "OutboundMailRequested";

    private MailEventTypes() {
    }
}
