package org.relaydesk.ticket.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the customer portal. */
public final class PortalRequests {

    private PortalRequests() {
    }

    /** A new ticket; without a queue it goes to the configured portal queue. */
    public record Create(@NotBlank @Size(max = 255) String title, @NotBlank @Size(max = 100000) String body,
            Integer queueId, @Min(1) @Max(5) Integer priority, List<@Valid AttachmentUpload> attachments) {
    }

    /** A reply to one of the customer's tickets. */
    public record Reply(@Size(max = 500) String subject, @NotBlank @Size(max = 100000) String body,
            List<@Valid AttachmentUpload> attachments) {
    }
}
