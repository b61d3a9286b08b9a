package org.relaydesk.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who wrote an article. */
public enum SenderType implements CodedEnum {
    AGENT("agent"),
    CUSTOMER("customer"),
    SYSTEM("system");

    private final String code;

    SenderType(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static SenderType of(String code) {
        return CodedEnum.fromCode(SenderType.class, code);
    }

    /** Maps the enum to its code in the database. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodedEnum.Converter<SenderType> {
        public Converter() {
            super(SenderType.class);
        }
    }
}
