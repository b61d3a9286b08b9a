package org.relaydesk.mailgateway.pipeline;

import java.util.Set;

/**
 * The business settings of the inbound pipeline.
 *
 * @param systemAddresses our own queue addresses (for X-Loop and self-sent mail)
 * @param maxAutoResponsesPerDay auto responses one sender may get per day before loop protection stops them
 * @param ticketHook the text before a ticket number in subjects, e.g. "Ticket#"
 * @param followUpSearchBody whether a ticket number in the body also counts as a follow-up
 */
public record PipelineSettings(Set<String> systemAddresses, int maxAutoResponsesPerDay, String ticketHook,
        boolean followUpSearchBody) {

    public static final String DEFAULT_TICKET_HOOK = "Ticket#";
    public static final int DEFAULT_MAX_AUTO_RESPONSES_PER_DAY = 10;

    public PipelineSettings {
        systemAddresses = Set.copyOf(systemAddresses);
        if (maxAutoResponsesPerDay < 0) {
            throw new IllegalArgumentException("maxAutoResponsesPerDay must be >= 0");
        }
        if (ticketHook == null || ticketHook.isBlank()) {
            throw new IllegalArgumentException("ticketHook must not be blank");
        }
    }

    /** Defaults: hook "Ticket#", 10 auto responses per sender and day, no body search. */
    public static PipelineSettings defaults(Set<String> systemAddresses) {
        return new PipelineSettings(systemAddresses, DEFAULT_MAX_AUTO_RESPONSES_PER_DAY, DEFAULT_TICKET_HOOK, false);
    }
}
