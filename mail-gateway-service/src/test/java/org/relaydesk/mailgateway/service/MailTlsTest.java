package org.relaydesk.mailgateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust file and the admin's wording of TLS failures; the handshakes themselves are in MailTlsFlowTest. */
class MailTlsTest {

    @TempDir
    Path dir;

    @Test
    void aTrustFileThatIsMissingEmptyOrNoPemSaysWhichSettingAndFile() throws IOException {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> MailTls.build(missing)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relaydesk.mail.tls.trust-ca-file " + missing).hasMessageContaining("cannot be read");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> MailTls.build(empty)).hasMessageContaining("holds no PEM certificate");
        Path junk = Files.writeString(dir.resolve("junk.pem"), "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> MailTls.build(junk)).hasMessageContaining("is not a PEM file of certificates");
    }

    @Test
    void untrustedCertificateNamesTheTrustInUse() {
        MessagingException e = new MessagingException("Couldn't connect to host, port: localhost, 993",
                new SSLHandshakeException("PKIX path building failed") {
                    {
                        initCause(new CertificateException("unable to find valid certification path to requested target"));
                    }
                });
        assertThat(MailTls.explain(e, "localhost", 993, Optional.empty())).hasValueSatisfying(s -> assertThat(s)
                .startsWith("TLS handshake with localhost:993 failed: the server's certificate is not trusted")
                .contains("set relaydesk.mail.tls.trust-ca-file").contains("unable to find valid certification path"));
        assertThat(MailTls.explain(e, "localhost", 993, Optional.of("/etc/relaydesk/ca.pem")))
                .hasValueSatisfying(s -> assertThat(s).contains("the JVM's default CAs and /etc/relaydesk/ca.pem"));
    }

    @Test
    void certificateForAnotherHostAndOtherTlsFailuresAreToldApartFromConnectionTrouble() {
        MessagingException identity = new MessagingException("Couldn't connect",
                new IOException("Can't verify identity of server: mail.example.com"));
        assertThat(MailTls.explain(identity, "mail.example.com", 993, Optional.empty()))
                .hasValueSatisfying(s -> assertThat(s).contains("not issued for mail.example.com"));
        MessagingException plainPort = new MessagingException("Couldn't connect",
                new javax.net.ssl.SSLException("Unsupported or unrecognized SSL message"));
        assertThat(MailTls.explain(plainPort, "localhost", 143, Optional.empty()))
                .hasValue("TLS handshake with localhost:143 failed: javax.net.ssl.SSLException: Unsupported or unrecognized SSL message");
        assertThat(MailTls.explain(new MessagingException("Couldn't connect", new ConnectException("refused")), "h", 1,
                Optional.empty())).isEmpty();
    }
}
