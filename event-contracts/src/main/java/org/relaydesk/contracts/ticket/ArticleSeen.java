package org.relaydesk.contracts.ticket;

/**
 * Payload of {@code ArticleSeen} (version 1): an agent marked an article seen or unseen.
 *
 * @param ticketId  ticket id
 * @param articleId article id
 * @param agent     the agent
 * @param seen      true for seen, false for unseen
 */
public record ArticleSeen(
        long ticketId,
        long articleId,
        String agent,
        boolean seen) {
}
