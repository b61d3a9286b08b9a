package org.relaydesk.escalation.clock;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The configurable parts of the clock rules.
 *
 * @param suspendStateTypes        state types that suspend all clocks (F2); default: pending reminder and pending auto
 * @param suspendStateNames        additional state names that suspend all clocks (F2)
 * @param updateMode               what the update clock measures (D2, D4, D5); default {@link UpdateMode#AWAITING_AGENT}
 * @param updateArmedFromCreation  compatibility: arm the update clock from creation as OTRS and Zammad do,
 *                                 instead of only after the first response (D3)
 * @param blankUpdateWhilePending  stock-OTRS compatibility (F6): no update due while the state type is pending
 * @param responseChannels         channels on which a visible agent article is a first response (C2)
 */
public record ClockPolicy(
        Set<StateType> suspendStateTypes,
        Set<String> suspendStateNames,
        UpdateMode updateMode,
        boolean updateArmedFromCreation,
        boolean blankUpdateWhilePending,
        Set<ArticleChannel> responseChannels) {

    /** RelayDesk's behaviour "R". */
    public static final ClockPolicy DEFAULT = new ClockPolicy(
            EnumSet.of(StateType.PENDING_REMINDER, StateType.PENDING_AUTO), Set.of(),
            UpdateMode.AWAITING_AGENT, false, false, ArticleChannel.defaultResponseChannels());

    /** Stock OTRS/Znuny behaviour, for compatibility: no pause, last-contact update clock armed from creation (D4, F6). */
    public static final ClockPolicy OTRS_COMPATIBLE = new ClockPolicy(
            Set.of(), Set.of(), UpdateMode.OTRS_LAST_CONTACT, true, true, EnumSet.allOf(ArticleChannel.class));

    public ClockPolicy {
        suspendStateTypes = suspendStateTypes.isEmpty() ? Set.of() : Set.copyOf(suspendStateTypes);
        suspendStateNames = Set.copyOf(suspendStateNames);
        Objects.requireNonNull(updateMode, "updateMode");
        responseChannels = responseChannels.isEmpty() ? Set.of() : Set.copyOf(responseChannels);
    }

    public boolean suspends(String stateName, StateType type) {
        return suspendStateTypes.contains(type) || (stateName != null && suspendStateNames.contains(stateName));
    }

    public ClockPolicy withUpdateMode(UpdateMode mode) {
        return new ClockPolicy(suspendStateTypes, suspendStateNames, mode, updateArmedFromCreation,
                blankUpdateWhilePending, responseChannels);
    }

    public ClockPolicy withUpdateArmedFromCreation(boolean armed) {
        return new ClockPolicy(suspendStateTypes, suspendStateNames, updateMode, armed,
                blankUpdateWhilePending, responseChannels);
    }

    public ClockPolicy withSuspendStateTypes(Set<StateType> types) {
        return new ClockPolicy(types, suspendStateNames, updateMode, updateArmedFromCreation,
                blankUpdateWhilePending, responseChannels);
    }

    public ClockPolicy withResponseChannels(Set<ArticleChannel> channels) {
        return new ClockPolicy(suspendStateTypes, suspendStateNames, updateMode, updateArmedFromCreation,
                blankUpdateWhilePending, channels);
    }
}
