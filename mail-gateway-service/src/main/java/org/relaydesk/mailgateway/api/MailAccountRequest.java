package org.relaydesk.mailgateway.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.relaydesk.mailgateway.AfterProcessing;
import org.relaydesk.mailgateway.Dispatch;
import org.relaydesk.mailgateway.MailProtocol;
import org.relaydesk.mailgateway.TlsMode;

/**
 * A mail account to create or replace. {@code password} is required on create and kept when
 * absent on update. With {@code dispatch = QUEUE} every mail opens tickets in {@code queueId};
 * with {@code SYSTEM_ADDRESS} the recipient's system address decides.
 */
public record MailAccountRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull MailProtocol protocol,
        @NotBlank @Size(max = 255) String host,
        @NotNull @Min(1) @Max(65535) Integer port,
        TlsMode tlsMode,
        @NotBlank @Size(max = 320) String login,
        @Size(max = 1000) String password,
        @Size(max = 255) String folder,
        @NotNull Dispatch dispatch,
        Long queueId,
        Boolean useIdle,
        @Min(1) @Max(86400) Integer pollIntervalSeconds,
        Boolean trusted,
        Boolean valid,
        AfterProcessing afterProcessing,
        @Size(max = 255) String moveToFolder) {
}
