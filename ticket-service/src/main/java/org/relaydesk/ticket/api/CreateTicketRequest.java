package org.relaydesk.ticket.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.relaydesk.ticket.Origin;

/**
 * A new ticket with its first article. With an {@code owner} the ticket is created locked to
 * that owner. {@code customerUserId} is looked up to fill {@code customerId}; a mail ticket may
 * name the customer by {@code article.from} instead (an unknown sender becomes a new customer user).
 * {@code autoResponse = false} suppresses the auto response; {@code junk = true} files the ticket
 * closed in the junk queue.
 */
public record CreateTicketRequest(
        @NotBlank @Size(max = 255) String title,
        @NotNull Integer queueId,
        @NotNull Origin channel,
        String state,
        @Min(1) @Max(5) Integer priority,
        Integer typeId,
        @Size(max = 150) String customerUserId,
        @Size(max = 150) String customerId,
        @Size(max = 150) String owner,
        @Size(max = 150) String responsible,
        Integer serviceId,
        Integer slaId,
        Instant pendingUntil,
        Map<String, JsonNode> dynamicFields,
        @NotNull @Valid ArticleRequest article,
        Boolean autoResponse,
        Boolean junk) {

    /** Whether the first article may trigger the queue's auto response (default true; the article's own flag counts too). */
    public boolean autoResponseAllowed() {
        return (autoResponse == null || autoResponse) && (article == null || article.autoResponseAllowed());
    }

    /** Whether the ticket goes straight to the junk queue, closed. */
    public boolean isJunk() {
        return junk != null && junk;
    }
}
