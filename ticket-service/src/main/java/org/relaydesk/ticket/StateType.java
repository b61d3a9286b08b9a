package org.relaydesk.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The fixed state types that every configurable state name maps onto. */
public enum StateType implements CodedEnum {
    NEW("new"),
    OPEN("open"),
    PENDING_REMINDER("pending reminder"),
    PENDING_AUTO_CLOSE_PLUS("pending auto close+"),
    PENDING_AUTO_CLOSE_MINUS("pending auto close-"),
    CLOSED_SUCCESSFUL("closed successful"),
    CLOSED_UNSUCCESSFUL("closed unsuccessful"),
    MERGED("merged"),
    REMOVED("removed");

    private final String code;

    StateType(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static StateType of(String code) {
        return CodedEnum.fromCode(StateType.class, code);
    }

    /** Pending states need a pending time. */
    public boolean isPending() {
        return this == PENDING_REMINDER || this == PENDING_AUTO_CLOSE_PLUS || this == PENDING_AUTO_CLOSE_MINUS;
    }

    /** Closed, merged and removed tickets are no longer worked on. */
    public boolean isClosed() {
        return this == CLOSED_SUCCESSFUL || this == CLOSED_UNSUCCESSFUL || this == MERGED || this == REMOVED;
    }

    /** Open in the sense of the customer detail counts: new, open or pending. */
    public boolean isOpen() {
        return !isClosed();
    }

    /** Maps the enum to its code in the database. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodedEnum.Converter<StateType> {
        public Converter() {
            super(StateType.class);
        }
    }
}
