package org.relaydesk.mailgateway.pipeline;

import java.util.List;

/**
 * What follow-up detection found: a ticket number, and in any case the message ids the
 * caller looks up among stored articles when there is no number (or it is unknown).
 *
 * @param ticketNumber the ticket number found after the ticket hook, or null
 * @param foundIn where the number was found: "subject", "body", or null
 * @param referencedMessageIds In-Reply-To first, then References newest first, without duplicates
 */
public record FollowUp(String ticketNumber, String foundIn, List<String> referencedMessageIds) {

    public FollowUp {
        referencedMessageIds = List.copyOf(referencedMessageIds);
    }

    /** Whether the mail names a ticket number. */
    public boolean hasTicketNumber() {
        return ticketNumber != null;
    }
}
