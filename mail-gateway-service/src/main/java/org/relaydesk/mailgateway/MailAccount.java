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

/** A mailbox RelayDesk fetches mail from over IMAP or POP3. */
@Entity
@Table(name = "mail_account")
public class MailAccount extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MailProtocol protocol;

    @Column(nullable = false)
    public String host;

    @Column(nullable = false)
    public int port;

    @Enumerated(EnumType.STRING)
    @Column(name = "tls_mode", nullable = false)
    public TlsMode tlsMode;

    @Column(nullable = false)
    public String username;

    /** AES-GCM encrypted with the gateway's key; never leaves the service. */
    @Column(name = "password_encrypted", nullable = false)
    public String passwordEncrypted;

    @Column(nullable = false)
    public String folder;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Dispatch dispatch;

    @Column(name = "queue_id")
    public Long queueId;

    @Column(name = "use_idle", nullable = false)
    public boolean useIdle;

    @Column(name = "poll_interval_seconds", nullable = false)
    public int pollIntervalSeconds;

    @Column(nullable = false)
    public boolean trusted;

    @Column(nullable = false)
    public boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(name = "after_processing", nullable = false)
    public AfterProcessing afterProcessing;

    @Column(name = "move_to_folder")
    public String moveToFolder;

    @Column(name = "last_fetch_at")
    public Instant lastFetchAt;

    @Column(name = "last_fetch_error")
    public String lastFetchError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
