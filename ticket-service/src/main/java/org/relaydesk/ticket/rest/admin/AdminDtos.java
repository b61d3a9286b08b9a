package org.relaydesk.ticket.rest.admin;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.relaydesk.ticket.AutoResponseType;
import org.relaydesk.ticket.CustomerValidity;
import org.relaydesk.ticket.DynamicFieldType;
import org.relaydesk.ticket.FollowUpPolicy;
import org.relaydesk.ticket.Permission;
import org.relaydesk.ticket.StateType;
import org.relaydesk.ticket.TemplateType;

/** Wire types of the admin API. {@code id} is ignored on writes (it comes from the path). */
public final class AdminDtos {

    private AdminDtos() {
    }

    public record QueueDto(Integer id, @NotBlank @Size(max = 200) String name, @NotNull Integer groupId,
            Integer systemAddressId, Integer salutationId, Integer signatureId, FollowUpPolicy followUpPolicy,
            @Min(0) Integer unlockTimeoutMinutes, @Size(max = 100) String calendarName, String comment, Boolean valid,
            List<Integer> templateIds, Map<AutoResponseType, Integer> autoResponses) {
    }

    public record StateDto(Integer id, @NotBlank @Size(max = 100) String name, @NotNull StateType type, String comment,
            Boolean valid) {
    }

    public record PriorityDto(Integer id, @NotBlank @Size(max = 100) String name, Boolean valid) {
    }

    public record TypeDto(Integer id, @NotBlank @Size(max = 100) String name, Boolean valid) {
    }

    public record TemplateDto(Integer id, @NotBlank @Size(max = 200) String name, TemplateType type,
            @Size(max = 250) String subject, @NotNull String body, String comment, Boolean valid) {
    }

    /** Salutations and signatures. */
    public record TextBlockDto(Integer id, @NotBlank @Size(max = 200) String name, @NotNull String body, String comment,
            Boolean valid) {
    }

    public record AutoResponseDto(Integer id, @NotBlank @Size(max = 200) String name, @NotNull AutoResponseType type,
            @NotBlank @Size(max = 250) String subject, @NotNull String body, Integer systemAddressId, String comment,
            Boolean valid) {
    }

    public record SystemAddressDto(Integer id, @NotBlank @Email @Size(max = 200) String email,
            @NotBlank @Size(max = 200) String displayName, Integer queueId, String comment, Boolean valid) {
    }

    public record GroupDto(Integer id, @NotBlank @Size(max = 100) String name, String comment, Boolean valid) {
    }

    /** The permissions of one Keycloak group on a RelayDesk group. */
    public record GroupGrant(@NotBlank @Size(max = 100) String keycloakGroup, @NotNull List<@NotNull Permission> permissions) {
    }

    public record DynamicFieldDto(Integer id, @NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{0,99}") String name,
            @NotBlank @Size(max = 200) String label, @NotNull DynamicFieldType type, List<@NotBlank String> options,
            Boolean valid) {
    }

    public record CustomerDto(@NotBlank @Size(max = 150) @Pattern(regexp = "[^/\\s]+") String customerId,
            @NotBlank @Size(max = 200) String name, String street, String zip, String city,
            @Size(max = 100) String country, @Size(max = 300) String url, String comment, CustomerValidity valid) {
    }

    public record CustomerUserDto(@NotBlank @Size(max = 150) @Pattern(regexp = "[^/\\s]+") String login,
            @NotBlank @Email @Size(max = 250) String email, @Size(max = 100) String firstName,
            @Size(max = 100) String lastName, @Size(max = 150) String customerId, @Size(max = 100) String phone,
            String comment, Boolean valid) {
    }

    /** A service; a non-empty {@code customerIds} restricts it to those customers. */
    public record ServiceDto(Integer id, @NotBlank @Size(max = 200) String name, String comment, Boolean valid,
            List<@NotBlank String> customerIds) {
    }

    public record SlaDto(Integer id, @NotBlank @Size(max = 200) String name, @NotNull Integer serviceId, String comment,
            Boolean valid) {
    }

    /** Replaces all grants of a group. */
    public record GroupGrants(@NotNull List<@NotNull @jakarta.validation.Valid GroupGrant> grants) {
    }

    static boolean valid(Boolean b) {
        return b == null || b;
    }
}
