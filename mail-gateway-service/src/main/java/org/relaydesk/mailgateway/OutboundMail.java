package org.relaydesk.mailgateway;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A mail to send (or sent): an outbound article of a ticket or a {@code mail.outbound} request. */
@Entity
@Table(name = "outbound_mail")
public class OutboundMail extends PanacheEntityBase {

    public static final String SOURCE_ARTICLE = "ARTICLE";
    public static final String SOURCE_REQUEST = "REQUEST";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String source;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "ticket_id")
    public Long ticketId;

    @Column(name = "ticket_number")
    public String ticketNumber;

    @Column(name = "article_id", unique = true)
    public Long articleId;

    @Column(nullable = false)
    public String kind;

    /** With angle brackets, as in the header. */
    @Column(name = "message_id", nullable = false)
    public String messageId;

    @Column(name = "mail_from", nullable = false)
    public String from;

    @Column(name = "mail_to", nullable = false)
    public String to;

    @Column(name = "mail_cc")
    public String cc;

    @Column(name = "mail_bcc")
    public String bcc;

    @Column(nullable = false)
    public String subject;

    @Column(name = "in_reply_to")
    public String inReplyTo;

    @Column(name = "mail_references")
    public String references;

    @Column(name = "body_text")
    public String bodyText;

    @Column(name = "body_html")
    public String bodyHtml;

    /** JSON object of extra header fields. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "extra_headers")
    public String extraHeaders;

    /** JSON array: {@code [{"filename":..,"contentType":..,"contentBase64":..}]} or names only for articles. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String attachments;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutboundStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "smtp_response")
    public String smtpResponse;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Version
    public long version;
}
