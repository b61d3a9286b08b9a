package org.relaydesk.escalation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.relaydesk.escalation.clock.ArticleChannel;
import org.relaydesk.escalation.clock.ClockPolicy;
import org.relaydesk.escalation.clock.StateType;
import org.relaydesk.escalation.clock.UpdateMode;
import org.relaydesk.escalation.timer.UnlockTimer;

/** Business rules of the escalation clocks and timers that are configuration, not data. */
@ConfigMapping(prefix = "relaydesk.escalation")
public interface EscalationConfig {

    /** State types that suspend all clocks (SPEC F2); empty for stock-OTRS behaviour (F6). */
    @WithDefault("pending reminder,pending auto")
    List<String> suspendStateTypes();

    /** Further state names that suspend all clocks (F2). */
    Optional<List<String>> suspendStateNames();

    /** What the update clock measures: AWAITING_AGENT (D2), OTRS_LAST_CONTACT (D4) or AGENT_CADENCE (D5). */
    @WithDefault("AWAITING_AGENT")
    UpdateMode updateMode();

    /** Compatibility: arm the update clock from creation instead of after the first response (D3). */
    @WithDefault("false")
    boolean updateArmedFromCreation();

    /** Stock-OTRS compatibility: no update due time while the state type is pending (F6). */
    @WithDefault("false")
    boolean blankUpdateWhilePending();

    /** Channels on which a customer-visible agent article is the first response (C2). */
    @WithDefault("EMAIL,PHONE,WEB,CHAT,SMS,NOTE")
    List<ArticleChannel> responseChannels();

    /** How the queue's unlock timeout is counted: BUSINESS_MINUTES (K1) or WALL_CLOCK_MINUTES (K3). */
    @WithDefault("BUSINESS_MINUTES")
    UnlockTimer.Counting unlockCounting();

    /** The clock policy these settings describe. */
    default ClockPolicy clockPolicy() {
        Set<StateType> types = suspendStateTypes().stream().filter(s -> !s.isBlank()).map(StateType::fromWire)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(StateType.class)));
        return new ClockPolicy(types, Set.copyOf(suspendStateNames().orElse(List.of())), updateMode(),
                updateArmedFromCreation(), blankUpdateWhilePending(),
                responseChannels().isEmpty() ? EnumSet.noneOf(ArticleChannel.class) : EnumSet.copyOf(responseChannels()));
    }
}
