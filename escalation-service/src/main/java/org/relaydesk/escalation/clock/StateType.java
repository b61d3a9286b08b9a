package org.relaydesk.escalation.clock;

import java.util.Locale;

/**
 * The fixed state types onto which configurable state names map. Wire names as in
 * {@code TicketCreated.stateType}: {@code new}, {@code open}, {@code pending reminder},
 * {@code pending auto}, {@code closed}, {@code merged}, {@code removed}. Pending auto close+ and
 * close- share the type {@code pending auto} and differ by state name (SPEC J2).
 */
public enum StateType {
    NEW("new"),
    OPEN("open"),
    PENDING_REMINDER("pending reminder"),
    PENDING_AUTO("pending auto"),
    CLOSED("closed"),
    MERGED("merged"),
    REMOVED("removed");

    private final String wireName;

    StateType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isPending() {
        return this == PENDING_REMINDER || this == PENDING_AUTO;
    }

    /** Closed, merged and removed tickets have no running clock (SPEC F1). */
    public boolean isTerminal() {
        return this == CLOSED || this == MERGED || this == REMOVED;
    }

    /** Parses a wire name ({@code "pending reminder"}) or an enum name ({@code "PENDING_REMINDER"}). */
    public static StateType fromWire(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
        for (StateType t : values()) {
            if (t.wireName.equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown state type: " + name);
    }
}
