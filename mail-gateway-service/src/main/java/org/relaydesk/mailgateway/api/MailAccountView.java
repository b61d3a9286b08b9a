package org.relaydesk.mailgateway.api;

import java.time.Instant;
import java.util.UUID;
import org.relaydesk.mailgateway.AfterProcessing;
import org.relaydesk.mailgateway.Dispatch;
import org.relaydesk.mailgateway.MailAccount;
import org.relaydesk.mailgateway.MailProtocol;
import org.relaydesk.mailgateway.TlsMode;

/** A mail account as admins see it: everything but the password. */
public record MailAccountView(
        UUID id,
        String name,
        MailProtocol protocol,
        String host,
        int port,
        TlsMode tlsMode,
        String login,
        String folder,
        Dispatch dispatch,
        Long queueId,
        boolean useIdle,
        int pollIntervalSeconds,
        boolean trusted,
        boolean valid,
        AfterProcessing afterProcessing,
        String moveToFolder,
        Instant lastFetchAt,
        String lastFetchError,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static MailAccountView of(MailAccount a) {
        return new MailAccountView(a.id, a.name, a.protocol, a.host, a.port, a.tlsMode, a.username, a.folder, a.dispatch,
                a.queueId, a.useIdle, a.pollIntervalSeconds, a.trusted, a.enabled, a.afterProcessing, a.moveToFolder,
                a.lastFetchAt, a.lastFetchError, a.createdAt, a.updatedAt, a.version);
    }
}
