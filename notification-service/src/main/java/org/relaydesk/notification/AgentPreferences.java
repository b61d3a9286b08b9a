package org.relaydesk.notification;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * An agent's notification preferences: My Queues, channels per kind, language and out of office.
 *
 * @param agent      Keycloak username
 * @param email      mail address (from the token when the agent saved), may be null
 * @param language   en, nl or de
 * @param myQueues   queue ids the agent follows
 * @param channels   channels per kind; kinds missing here use the kind's defaults
 * @param oooFrom    out of office from (inclusive), may be null
 * @param oooTo      out of office until (inclusive), may be null
 * @param substitute who receives the agent's notifications while out of office, may be null
 */
public record AgentPreferences(
        String agent,
        String email,
        String language,
        Set<Long> myQueues,
        Map<NotificationKind, Channels> channels,
        LocalDate oooFrom,
        LocalDate oooTo,
        String substitute) {

    public static final Set<String> LANGUAGES = Set.of("en", "nl", "de");

    /** Whether a kind goes by e-mail and/or in-app. */
    public record Channels(boolean email, boolean inApp) {
        public boolean any() {
            return email || inApp;
        }
    }

    /** The preferences of an agent who never saved any. */
    public static AgentPreferences defaults(String agent, String language) {
        return new AgentPreferences(agent, null, language, Set.of(), new EnumMap<>(NotificationKind.class), null, null,
                null);
    }

    public Channels channelsFor(NotificationKind kind) {
        Channels c = channels.get(kind);
        return c != null ? c : new Channels(kind.defaultEmail(), kind.defaultInApp());
    }

    /** Whether the agent is out of office on that date. */
    public boolean outOfOffice(LocalDate date) {
        return oooFrom != null && oooTo != null && !date.isBefore(oooFrom) && !date.isAfter(oooTo);
    }

    public String emailOr(String mailDomain) {
        return email != null && !email.isBlank() ? email : agent + "@" + mailDomain;
    }
}
