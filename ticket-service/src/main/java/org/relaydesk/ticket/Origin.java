package org.relaydesk.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a ticket was created: the agent's phone or e-mail ticket screen, the customer portal or mail (web/email), or another system (api). */
public enum Origin implements CodedEnum {
    PHONE("phone"),
    EMAIL("email"),
    WEB("web"),
    API("api");

    private final String code;

    Origin(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Origin of(String code) {
        return CodedEnum.fromCode(Origin.class, code);
    }

    /** Maps the enum to its code in the database. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodedEnum.Converter<Origin> {
        public Converter() {
            super(Origin.class);
        }
    }
}
