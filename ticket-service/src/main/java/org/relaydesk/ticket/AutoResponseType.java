package org.relaydesk.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** When an auto response is sent. */
public enum AutoResponseType implements CodedEnum {
    NEW_TICKET("new_ticket"),
    FOLLOW_UP("follow_up"),
    REJECT("reject");

    private final String code;

    AutoResponseType(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static AutoResponseType of(String code) {
        return CodedEnum.fromCode(AutoResponseType.class, code);
    }

    /** Maps the enum to its code in the database. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodedEnum.Converter<AutoResponseType> {
        public Converter() {
            super(AutoResponseType.class);
        }
    }
}
