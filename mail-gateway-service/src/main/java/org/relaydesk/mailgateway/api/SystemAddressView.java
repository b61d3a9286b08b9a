package org.relaydesk.mailgateway.api;

import java.time.Instant;
import java.util.UUID;
import org.relaydesk.mailgateway.SystemAddress;

/** A system address. */
public record SystemAddressView(UUID id, String address, String displayName, long queueId, boolean valid,
        Instant createdAt, Instant updatedAt, long version) {

    public static SystemAddressView of(SystemAddress a) {
        return new SystemAddressView(a.id, a.address, a.displayName, a.queueId, a.enabled, a.createdAt, a.updatedAt,
                a.version);
    }
}
