package org.relaydesk.mailgateway.fetch;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;
import org.relaydesk.mailgateway.MailProtocol;
import org.relaydesk.mailgateway.TlsMode;
import org.relaydesk.mailgateway.service.MailTls;

/** Angus Mail sessions for fetching, with timeouts and the account's TLS mode ({@link MailTls}). */
final class MailSessions {

    private MailSessions() {
    }

    /** The store protocol name: imap, imaps, pop3 or pop3s. */
    static String protocol(MailProtocol protocol, TlsMode tls) {
        String base = protocol == MailProtocol.IMAP ? "imap" : "pop3";
        return tls == TlsMode.TLS ? base + "s" : base;
    }

    static Session session(String proto, TlsMode mode, Duration timeout, MailTls tls) {
        Properties p = new Properties();
        String prefix = "mail." + proto + ".";
        String ms = String.valueOf(timeout.toMillis());
        p.setProperty("mail.store.protocol", proto);
        p.setProperty(prefix + "connectiontimeout", ms);
        p.setProperty(prefix + "timeout", ms);
        p.setProperty(prefix + "writetimeout", ms);
        tls.configure(p, proto, mode);
        if (proto.startsWith("imap")) {
            // reading a mail must not set \Seen: only a processed mail is flagged
            p.setProperty(prefix + "peek", "true");
            p.setProperty(prefix + "fetchsize", String.valueOf(1024 * 1024));
        }
        return Session.getInstance(p);
    }
}
