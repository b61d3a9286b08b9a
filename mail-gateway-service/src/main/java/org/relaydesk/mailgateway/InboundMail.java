package org.relaydesk.mailgateway;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One received mail, stored raw before anything else happens, with its processing state. */
@Entity
@Table(name = "inbound_mail")
public class InboundMail extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The Message-ID, or {@code sha256:<hex>} of the raw bytes when the mail has none. */
    @Column(name = "dedupe_key", nullable = false, unique = true)
    public String dedupeKey;

    /** Without angle brackets. */
    @Column(name = "message_id")
    public String messageId;

    @Column(name = "raw_sha256", nullable = false)
    public String rawSha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] raw;

    @Column(name = "raw_size", nullable = false)
    public int rawSize;

    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "source_ref")
    public String sourceRef;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InboundStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @JdbcTypeCode(SqlTypes.JSON)
    public String decisions;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "parse_warnings")
    public String parseWarnings;

    @Column(name = "ticket_id")
    public Long ticketId;

    @Column(name = "ticket_number")
    public String ticketNumber;

    @Column(name = "article_id")
    public Long articleId;

    @Column(name = "processed_at")
    public Instant processedAt;

    @Version
    public long version;
}
