package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** An entry of a ticket's correspondence: a mail, a phone call, a note, a portal message. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id", nullable = false)
    public Long ticketId;

    @Column(nullable = false)
    public ArticleKind kind;

    @Column(name = "sender_type", nullable = false)
    public SenderType senderType;

    @Column(nullable = false)
    public Channel channel;

    @Column(name = "visible_for_customer", nullable = false)
    public boolean visibleForCustomer;

    @Column(name = "from_addr")
    public String from;

    @Column(name = "to_addr")
    public String to;

    @Column(name = "cc_addr")
    public String cc;

    @Column(name = "bcc_addr")
    public String bcc;

    public String subject;

    @Column(name = "body_text", nullable = false)
    public String bodyText = "";

    /** Sanitised HTML body, or null for plain-text articles. */
    @Column(name = "body_html")
    public String bodyHtml;

    @Column(name = "message_id")
    public String messageId;

    @Column(name = "in_reply_to")
    public String inReplyTo;

    @Column(name = "references_hdr")
    public String references;

    /** True when the mail-gateway has to send this article. */
    public boolean outbound;

    @Column(name = "delivery_status")
    public DeliveryStatus deliveryStatus;

    @Column(name = "delivery_detail")
    public String deliveryDetail;

    @Column(name = "time_units", nullable = false)
    public BigDecimal timeUnits = BigDecimal.ZERO;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
