package org.relaydesk.mailgateway.runtime;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaydesk.mailgateway.testing.Dovecot;
import org.relaydesk.mailgateway.testing.FakeTicketServiceResource;

/**
 * Outbound mail over SMTPS (TLS from the first byte, as relays on port 465 offer it) to the stack's
 * Postfix, trusted through {@code relaydesk.mail.tls.trust-ca-file} only; the STARTTLS case is in
 * {@link MailTlsFlowTest}.
 */
@QuarkusTest
@TestProfile(MailSmtpsFlowTest.PostfixSmtps.class)
@QuarkusTestResource(FakeTicketServiceResource.class)
class MailSmtpsFlowTest {

    /** Outbound over implicit TLS to Postfix's SMTPS port. */
    public static class PostfixSmtps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relaydesk.mail.smtp.host", "localhost", "relaydesk.mail.smtp.port", String.valueOf(Dovecot.SMTPS_PORT),
                    "relaydesk.mail.smtp.tls", "TLS");
        }
    }

    @BeforeEach
    void stackHasTls() {
        Dovecot.requireTls();
    }

    @Test
    void outboundMailGoesOverSmtpsToPostfixAndArrivesInTheDovecotMailbox() {
        MailTlsFlowTest.sendsOverTlsToPostfix("SMTPS");
    }
}
