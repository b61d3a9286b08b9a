package org.relaydesk.mailgateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.relaydesk.contracts.Json;
import org.relaydesk.mailgateway.PostmasterFilterDefinition;

/** A postmaster filter. */
public record PostmasterFilterView(UUID id, String name, int position, boolean stopAfterMatch, JsonNode conditions,
        JsonNode actions, boolean valid, long version) {

    public static PostmasterFilterView of(PostmasterFilterDefinition d) {
        try {
            return new PostmasterFilterView(d.id, d.name, d.position, d.stopAfterMatch, Json.MAPPER.readTree(d.conditions),
                    Json.MAPPER.readTree(d.actions), d.enabled, d.version);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
