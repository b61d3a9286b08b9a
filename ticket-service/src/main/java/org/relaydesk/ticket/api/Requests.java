package org.relaydesk.ticket.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.relaydesk.ticket.LinkType;

/** The small request bodies of the ticket operations. */
public final class Requests {

    private Requests() {
    }

    /** Plain field changes; names in {@code clear} (typeId, serviceId, slaId) are set to nothing. */
    public record UpdateTicket(
            @Size(min = 1, max = 255) String title,
            Integer typeId,
            Integer serviceId,
            Integer slaId,
            Map<String, JsonNode> dynamicFields,
            List<String> clear) {
    }

    /** Move to another queue, optionally with a note and a new owner. */
    public record Move(@NotNull Integer queueId, @Size(max = 100000) String note, @Size(max = 150) String owner) {
    }

    public record Owner(@NotBlank @Size(max = 150) String owner) {
    }

    /** The responsible agent; null clears it. */
    public record Responsible(@Size(max = 150) String responsible) {
    }

    /** A state by name; pending states need {@code pendingUntil}. */
    public record State(@NotBlank String state, Instant pendingUntil, @Size(max = 100000) String note) {
    }

    /** Pending: state defaults to "pending reminder", time to now + the configured default (7 days). */
    public record Pending(String state, Instant pendingUntil, @Size(max = 100000) String note) {
    }

    /** Close: state defaults to "closed successful". */
    public record Close(String state, @Size(max = 100000) String note) {
    }

    public record Priority(@NotNull @Min(1) @Max(5) Integer priority) {
    }

    public record Customer(@Size(max = 150) String customerUserId, @Size(max = 150) String customerId) {
    }

    /** Link to another ticket; for parent_child this ticket is the parent. */
    public record Link(@NotNull Long targetTicketId, LinkType type) {
    }

    /** Merge this ticket into the target. */
    public record Merge(@NotNull Long targetTicketId, @Size(max = 100000) String note) {
    }

    /** Split an article off into a new ticket linked to this one. */
    public record Split(@NotNull Long articleId, @Size(max = 255) String title, Integer queueId, LinkType linkType) {
    }

    /** An internal note used by move, close, state and bulk. */
    public record Note(@Size(max = 500) String subject, @NotBlank String body) {
    }

    /** The same actions on many tickets, all or nothing. */
    public record Bulk(
            @NotEmpty @Size(max = 500) List<Long> ticketIds,
            String state,
            Instant pendingUntil,
            Integer queueId,
            @Size(max = 150) String owner,
            Boolean lock,
            @Min(1) @Max(5) Integer priority,
            @Valid Note note,
            Boolean seen) {
    }
}
