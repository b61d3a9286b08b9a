package org.relaydesk.mailgateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Business and connection settings of the mail-gateway ({@code relaydesk.mail.*}). */
@ConfigMapping(prefix = "relaydesk.mail")
public interface MailGatewayConfig {

    /** Text before the ticket number in subjects, e.g. {@code Ticket#} gives {@code [Ticket#2026112310000011]}. */
    @WithDefault("Ticket#")
    String ticketHook();

    /** Auto responses one sender may get per day before loop protection withholds them. */
    @WithDefault("10")
    int maxAutoResponsesPerDay();

    /** Whether a ticket number in the body (not only the subject) makes a mail a follow-up. */
    @WithDefault("false")
    boolean followUpSearchBody();

    /**
     * Key for the mail account passwords at rest (AES-256-GCM, any text: it is hashed to a key).
     * Production sets {@code MAIL_ACCOUNT_KEY}; the default only suits the local stack.
     */
    @WithDefault("relaydesk-local-only-mail-account-key")
    String accountKey();

    Inbound inbound();

    Outbound outbound();

    Smtp smtp();

    Intake intake();

    Tls tls();

    /** Trust for TLS mail connections (IMAP, POP3 and SMTP alike). */
    interface Tls {

        /**
         * PEM file of CA certificates (e.g. a private CA) trusted for mail servers in addition to the
         * JVM's default CAs; absent or empty: the JVM's default CAs only. Host names are always checked.
         */
        Optional<String> trustCaFile();
    }

    /** Mail pushed in by an MTA over SMTP (e.g. Postfix with a transport to this port). */
    interface Intake {

        /** Whether the SMTP intake listens. */
        @WithDefault("false")
        boolean smtpEnabled();

        /** Port of the SMTP intake (0: any free port, for tests). */
        @WithDefault("2525")
        int smtpPort();

        /** Address it binds to; keep it on loopback or a private network (no auth, no TLS). */
        @WithDefault("127.0.0.1")
        String smtpBindAddress();
    }

    /** Inbound processing. */
    interface Inbound {

        /**
         * Most new mails one pass over a mailbox stores and processes before it releases them; a
         * fuller mailbox is worked through in consecutive passes, so mails leave it steadily.
         */
        @WithDefault("200")
        int maxPerPass();

        /** Whether the mailbox fetchers run (tests switch them off to drive one account at a time). */
        @WithDefault("true")
        boolean fetchEnabled();

        /** Queue for new tickets when neither the account, a system address nor a filter names one ("Raw"). */
        Optional<Long> defaultQueueId();

        /** Queue for mail a postmaster filter marked as junk; when absent junk stays in its queue. */
        Optional<Long> junkQueueId();

        /** First wait before retrying a mail that could not be handed to ticket-service. */
        @WithDefault("5S")
        Duration retryMin();

        /** Longest wait between retries (the mail is retried for ever, never dropped). */
        @WithDefault("10M")
        Duration retryMax();

        /** How long a worker holds a mail it is processing before another may take it over. */
        @WithDefault("2M")
        Duration lease();

        /** How often due retries are looked for. */
        @WithDefault("2S")
        Duration retryScan();

        /** Mails taken per retry scan. */
        @WithDefault("50")
        int batchSize();

        /** Connection and read timeout of IMAP/POP3 connections. */
        @WithDefault("20S")
        Duration mailboxTimeout();

        /** Wait after a mailbox connection failed before the next try (grows up to 10 times this). */
        @WithDefault("10S")
        Duration reconnectDelay();

        /** Mails of one fetch processed in parallel (each is one ticket-service call). */
        @WithDefault("8")
        int workers();

        /** Largest raw mail accepted (bigger ones are quarantined, not dropped). */
        @WithDefault("26214400")
        int maxMailBytes();
    }

    /** Outbound delivery. */
    interface Outbound {

        /** Whether the SMTP sender runs. */
        @WithDefault("true")
        boolean sendEnabled();

        /**
         * Only act on events whose envelope {@code source} is in this list (all when absent). The
         * tests set it so that their instance never sends mail for other publishers' events on the
         * shared topics; in production it can hold a canary instance to one publisher.
         */
        Optional<java.util.List<String>> acceptSources();

        /** From address when an article or request names none and its queue has no system address. */
        @WithDefault("RelayDesk <helpdesk@relaydesk.local>")
        String defaultFrom();

        /** Domain of Message-IDs the gateway makes itself. */
        @WithDefault("relaydesk.local")
        String messageIdDomain();

        /** SMTP attempts before a mail is reported failed. */
        @WithDefault("8")
        int maxAttempts();

        /** First wait before resending after a temporary failure; doubles up to {@link #retryMax()}. */
        @WithDefault("5S")
        Duration retryMin();

        @WithDefault("10M")
        Duration retryMax();

        /** How often due mails are looked for (a new mail wakes the sender at once). */
        @WithDefault("2S")
        Duration scan();

        /** Mails sent per scan. */
        @WithDefault("50")
        int batchSize();
    }

    /** The SMTP relay outbound mail goes through (default: the local GreenMail). */
    interface Smtp {

        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("3025")
        int port();

        /** NONE, STARTTLS (required) or TLS. */
        @WithDefault("NONE")
        org.relaydesk.mailgateway.TlsMode tls();

        Optional<String> username();

        Optional<String> password();

        @WithDefault("10S")
        Duration connectTimeout();

        @WithDefault("30S")
        Duration timeout();
    }
}
