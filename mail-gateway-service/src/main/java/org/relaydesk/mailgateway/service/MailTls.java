package org.relaydesk.mailgateway.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jboss.logging.Logger;
import org.relaydesk.mailgateway.TlsMode;
import org.relaydesk.mailgateway.config.MailGatewayConfig;

/**
 * TLS of every mail connection, fetching (IMAP, POP3) and sending (SMTP) alike: STARTTLS required
 * or TLS from the first byte, the server's certificate checked against the host name, and the
 * trusted CAs: the JVM's default ones plus, when {@code relaydesk.mail.tls.trust-ca-file} names a
 * PEM file, the certificates in it (a private CA). There is deliberately no way to trust any
 * certificate.
 */
@ApplicationScoped
public class MailTls {

    private static final Logger LOG = Logger.getLogger(MailTls.class);

    @Inject
    MailGatewayConfig config;

    private volatile SSLSocketFactory factory;

    void announce(@Observes StartupEvent event) {
        Optional<String> file = trustCaFile();
        if (file.isEmpty()) {
            LOG.info("mail TLS trusts the JVM's default CAs (relaydesk.mail.tls.trust-ca-file is not set)");
            return;
        }
        try {
            socketFactory();
            LOG.infof("mail TLS trusts the JVM's default CAs and the certificates in %s", file.get());
        } catch (IllegalStateException e) {
            // not fatal at start: accounts without TLS keep working; every TLS connection reports it
            LOG.errorf("mail TLS connections will fail: %s", e.getMessage());
        }
    }

    /**
     * Sets the session properties of one mail protocol ({@code imap}, {@code imaps}, {@code pop3},
     * {@code pop3s}, {@code smtp}, {@code smtps}) for a TLS mode.
     *
     * @throws IllegalStateException when the configured trust file cannot be read
     */
    public void configure(Properties p, String protocol, TlsMode mode) {
        if (mode == TlsMode.NONE) {
            return;
        }
        String prefix = "mail." + protocol + ".";
        if (mode == TlsMode.STARTTLS) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        p.setProperty(prefix + "ssl.checkserveridentity", "true");
        if (trustCaFile().isPresent()) {
            // an object, not a string: Angus Mail uses this factory for implicit TLS and for STARTTLS
            p.put(prefix + "ssl.socketFactory", socketFactory());
        }
    }

    /**
     * A sentence for an admin when a connection failed in the TLS handshake (certificate not trusted,
     * not issued for the host, or another TLS failure), else empty.
     */
    public Optional<String> explain(Throwable failure, String host, int port) {
        return explain(failure, host, port, trustCaFile());
    }

    static Optional<String> explain(Throwable failure, String host, int port, Optional<String> trustCaFile) {
        String at = "TLS handshake with " + host + ":" + port + " failed: ";
        SSLException tlsFailure = null;
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof CertificateException || t instanceof java.security.cert.CertPathValidatorException
                    || t instanceof java.security.cert.CertPathBuilderException) {
                String trusted = trustCaFile.map(f -> "the JVM's default CAs and " + f)
                        .orElse("the JVM's default CAs only; set relaydesk.mail.tls.trust-ca-file for a private CA");
                return Optional.of(at + "the server's certificate is not trusted (trusted: " + trusted + "): " + t);
            }
            if (t instanceof IOException && String.valueOf(t.getMessage()).contains("verify identity of server")) {
                return Optional.of(at + "the server's certificate is not issued for " + host
                        + " (use the host name the certificate names): " + t);
            }
            if (t instanceof SSLException ssl && tlsFailure == null) {
                tlsFailure = ssl;
            }
        }
        return tlsFailure == null ? Optional.empty() : Optional.of(at + tlsFailure);
    }

    private static Throwable next(Throwable t) {
        if (t instanceof jakarta.mail.MessagingException me && me.getNextException() != null && me.getNextException() != t) {
            return me.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private Optional<String> trustCaFile() {
        return config.tls().trustCaFile().map(String::strip).filter(f -> !f.isEmpty());
    }

    /** Built once from the PEM file; a failure is not cached, so a fixed file is picked up by the next connection. */
    SSLSocketFactory socketFactory() {
        SSLSocketFactory f = factory;
        if (f == null) {
            synchronized (this) {
                f = factory;
                if (f == null) {
                    f = build(Path.of(trustCaFile().orElseThrow()));
                    factory = f;
                }
            }
        }
        return f;
    }

    static SSLSocketFactory build(Path pem) {
        String what = "relaydesk.mail.tls.trust-ca-file " + pem;
        try {
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(pem)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certificates.isEmpty()) {
                throw new IllegalStateException(what + " holds no PEM certificate");
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (X509Certificate ca : defaultTrust().getAcceptedIssuers()) {
                trust.setCertificateEntry("jvm-" + i++, ca);
            }
            i = 0;
            for (Certificate ca : certificates) {
                trust.setCertificateEntry("trust-ca-file-" + i++, ca);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException e) {
            throw new IllegalStateException(what + " cannot be read: " + e, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(what + " is not a PEM file of certificates: " + e, e);
        }
    }

    private static X509TrustManager defaultTrust() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (var tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("the JVM has no default X.509 trust manager");
    }
}
