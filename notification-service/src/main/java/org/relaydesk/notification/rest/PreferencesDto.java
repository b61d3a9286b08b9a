package org.relaydesk.notification.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An agent's preferences on the wire.
 *
 * @param agent         the agent (from the token; ignored on PUT)
 * @param email         the agent's mail address (from the token; ignored on PUT)
 * @param language      en, nl or de
 * @param myQueues      queue ids the agent follows
 * @param notifications per kind (NEW_TICKET, FOLLOW_UP, ...): by e-mail and/or in-app; kinds left
 *                      out keep their defaults
 * @param outOfOffice   out of office, or null
 */
public record PreferencesDto(
        String agent,
        String email,
        String language,
        List<Long> myQueues,
        Map<String, Channels> notifications,
        OutOfOffice outOfOffice) {

    /** Channels of one notification kind. */
    public record Channels(boolean email, boolean inApp) {
    }

    /**
     * Out of office: dates inclusive, in the business time zone; notifications go to the substitute.
     *
     * @param from       first day away
     * @param to         last day away
     * @param substitute the agent who receives the notifications meanwhile, or null
     */
    public record OutOfOffice(LocalDate from, LocalDate to, String substitute) {
    }
}
