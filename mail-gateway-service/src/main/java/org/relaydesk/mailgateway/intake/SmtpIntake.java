package org.relaydesk.mailgateway.intake;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.relaydesk.mailgateway.config.MailGatewayConfig;
import org.relaydesk.mailgateway.service.InboundMailStore;
import org.relaydesk.mailgateway.service.InboundProcessor;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.TooMuchDataException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * SMTP intake: an MTA (e.g. Postfix with {@code relaydesk unix - n n - - smtp} pointed at
 * {@code [127.0.0.1]:2525}) delivers mail straight into the gateway. The server answers 250 only
 * after the raw mail is committed to the store (so the MTA keeps and retries it on any failure:
 * 451), then processes it in the background exactly like a fetched mail. Each envelope recipient
 * is recorded as a {@code Delivered-To} header in front of the mail, so routing by system address
 * also works for Bcc'd and aliased addresses. No AUTH and no TLS: bind it to loopback or a private
 * network only. (SubEthaSMTP speaks SMTP, not LMTP; Postfix's smtp transport works the same for this.)
 */
@ApplicationScoped
public class SmtpIntake {

    private static final Logger LOG = Logger.getLogger(SmtpIntake.class);

    @Inject
    MailGatewayConfig config;
    @Inject
    InboundMailStore store;
    @Inject
    InboundProcessor processor;

    private SMTPServer server;
    private ExecutorService processing;

    void start(@Observes StartupEvent event) throws UnknownHostException {
        MailGatewayConfig.Intake intake = config.intake();
        if (!intake.smtpEnabled()) {
            return;
        }
        processing = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "smtp-intake-processing");
            t.setDaemon(true);
            return t;
        });
        server = SMTPServer.port(intake.smtpPort())
                .bindAddress(InetAddress.getByName(intake.smtpBindAddress()))
                .hostName("relaydesk-mail-gateway")
                .softwareName("RelayDesk mail-gateway")
                .maxMessageSize(config.inbound().maxMailBytes())
                .maxRecipients(100)
                .connectionTimeoutMs(60_000)
                .messageHandlerFactory(this::handler)
                .build();
        server.start();
        LOG.infof("SMTP intake listening on %s:%d", intake.smtpBindAddress(), server.getPortAllocated());
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.stop();
            processing.shutdown();
        }
    }

    /** The port it listens on (the allocated one when configured with 0), or -1 when off. */
    public int port() {
        return server == null ? -1 : server.getPortAllocated();
    }

    private MessageHandler handler(MessageContext context) {
        return new MessageHandler() {
            private final List<String> recipients = new ArrayList<>();

            @Override
            public void from(String from) {
                // the sender is in the mail's own headers; the envelope sender needs no check here
            }

            @Override
            public void recipient(String recipient) {
                recipients.add(recipient);
            }

            @Override
            public String data(InputStream data) throws RejectException, TooMuchDataException, IOException {
                ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
                for (String r : recipients) {
                    out.write(("Delivered-To: " + r.replaceAll("[\\r\\n]", "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                data.transferTo(out);
                InboundMailStore.Stored stored;
                try {
                    stored = store.store(out.toByteArray(), null, "smtp");
                } catch (RuntimeException e) {
                    LOG.errorf(e, "SMTP intake: could not store a mail for %s", recipients);
                    throw new RejectException(451, "4.3.0 cannot store the mail now, try again later");
                }
                if (stored.created()) {
                    processing.submit(() -> processor.process(stored.id()));
                    return "2.0.0 stored as " + stored.id();
                }
                return "2.0.0 already received as " + stored.id();
            }

            @Override
            public void done() {
                // nothing held per transaction
            }
        };
    }
}
