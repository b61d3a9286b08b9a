package org.relaydesk.mailgateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.relaydesk.mailgateway.TlsMode;
import org.relaydesk.mailgateway.config.MailGatewayConfig;

/**
 * The SMTP relay connection (host, port, NONE/STARTTLS/TLS, optional auth, timeouts). One
 * {@link Connection} sends a batch; each send reports the server's answer or whether a failure
 * is permanent (5xx, invalid addresses) or worth retrying (connection trouble, 4xx).
 */
@ApplicationScoped
public class SmtpSender {

    /** The outcome of one send. */
    public record Outcome(boolean sent, boolean permanent, String detail) {
    }

    @Inject
    MailGatewayConfig config;
    @Inject
    MailTls tls;

    private volatile Session session;

    public Session session() {
        Session s = session;
        if (s == null) {
            s = Session.getInstance(properties());
            session = s;
        }
        return s;
    }

    private Properties properties() {
        MailGatewayConfig.Smtp smtp = config.smtp();
        TlsMode mode = smtp.tls();
        String proto = mode == TlsMode.TLS ? "smtps" : "smtp";
        String prefix = "mail." + proto + ".";
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", proto);
        p.setProperty(prefix + "host", smtp.host());
        p.setProperty(prefix + "port", String.valueOf(smtp.port()));
        p.setProperty(prefix + "connectiontimeout", String.valueOf(smtp.connectTimeout().toMillis()));
        p.setProperty(prefix + "timeout", String.valueOf(smtp.timeout().toMillis()));
        p.setProperty(prefix + "writetimeout", String.valueOf(smtp.timeout().toMillis()));
        p.setProperty(prefix + "auth", String.valueOf(smtp.username().filter(u -> !u.isBlank()).isPresent()));
        tls.configure(p, proto, mode);
        // a partial failure (one bad recipient) still delivers to the others and reports it
        p.setProperty(prefix + "sendpartial", "true");
        return p;
    }

    /** Opens a connection to the relay. */
    public Connection connect() throws MessagingException {
        MailGatewayConfig.Smtp smtp = config.smtp();
        try {
            Transport t = session().getTransport();
            String user = smtp.username().filter(u -> !u.isBlank()).orElse(null);
            t.connect(smtp.host(), smtp.port(), user, user == null ? null : smtp.password().orElse(""));
            return new Connection(t);
        } catch (MessagingException | IllegalStateException e) {
            String why = tls.explain(e, smtp.host(), smtp.port()).orElse(null);
            if (why == null && e instanceof MessagingException me) {
                throw me;
            }
            throw new MessagingException(why != null ? why : e.getMessage(), e);
        }
    }

    /** An open SMTP connection. */
    public static final class Connection implements AutoCloseable {

        private final Transport transport;

        Connection(Transport transport) {
            this.transport = transport;
        }

        public Outcome send(MimeMessage m) {
            try {
                Address[] recipients = m.getAllRecipients();
                transport.sendMessage(m, recipients);
                return new Outcome(true, false, lastResponse());
            } catch (SendFailedException e) {
                Address[] sent = e.getValidSentAddresses();
                String invalid = list(e.getInvalidAddresses()) + list(e.getValidUnsentAddresses());
                if (sent != null && sent.length > 0) {
                    return new Outcome(true, false, lastResponse() + "; not delivered to " + invalid + ": " + reason(e));
                }
                return new Outcome(false, permanent(e), "refused " + invalid + ": " + reason(e));
            } catch (MessagingException e) {
                return new Outcome(false, false, reason(e));
            }
        }

        public boolean connected() {
            return transport.isConnected();
        }

        private String lastResponse() {
            return transport instanceof SMTPTransport smtp && smtp.getLastServerResponse() != null
                    ? smtp.getLastServerResponse().strip() : "accepted";
        }

        private static boolean permanent(SendFailedException e) {
            for (Exception x = e; x != null; x = x instanceof MessagingException me ? me.getNextException() : null) {
                if (x instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
                    return true;
                }
                if (x instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) {
                    return true;
                }
            }
            Address[] invalid = e.getInvalidAddresses();
            Address[] unsent = e.getValidUnsentAddresses();
            return invalid != null && invalid.length > 0 && (unsent == null || unsent.length == 0);
        }

        private static String list(Address[] a) {
            return a == null || a.length == 0 ? "" : Arrays.stream(a).map(Address::toString).collect(Collectors.joining(", "));
        }

        private static String reason(MessagingException e) {
            StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()).strip());
            Exception next = e.getNextException();
            int depth = 0;
            while (next != null && depth++ < 5) {
                sb.append(" / ").append(String.valueOf(next.getMessage()).strip());
                next = next instanceof MessagingException me ? me.getNextException() : null;
            }
            return sb.toString();
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the connection is gone either way
            }
        }
    }
}
