package org.relaydesk.ticket.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A file sent with an article, base64-encoded. */
public record AttachmentUpload(
        @NotBlank @Size(max = 300) String filename,
        @Size(max = 200) String contentType,
        @NotNull String contentBase64) {
}
