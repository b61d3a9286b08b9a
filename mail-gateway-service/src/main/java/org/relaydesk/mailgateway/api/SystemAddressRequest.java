package org.relaydesk.mailgateway.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A system address to create or replace: mail to {@code address} lands in {@code queueId}. */
public record SystemAddressRequest(
        @NotBlank @Email @Size(max = 320) String address,
        @Size(max = 200) String displayName,
        @NotNull Long queueId,
        Boolean valid) {
}
