package org.relaydesk.mailgateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A postmaster filter: all {@code conditions} ({@code [{"field":"Subject","operator":"REGEX",
 * "pattern":"...","negate":false}]}) must hold, then the {@code actions} apply
 * ({@code [{"type":"SetQueue","queue":"Support"}, {"type":"SetPriority","priority":5},
 * {"type":"SetState","state":"open"}, {"type":"SetDynamicField","name":"..","value":".."},
 * {"type":"MarkJunk"}, {"type":"Ignore"}]}). Filters run by {@code position}.
 */
public record PostmasterFilterRequest(
        @NotBlank @Size(max = 200) String name,
        Integer position,
        Boolean stopAfterMatch,
        @NotNull JsonNode conditions,
        @NotNull JsonNode actions,
        Boolean valid) {
}
