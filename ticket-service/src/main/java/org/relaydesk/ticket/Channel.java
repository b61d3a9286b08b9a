package org.relaydesk.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How an article came in or goes out. */
public enum Channel implements CodedEnum {
    EMAIL("email"),
    PHONE("phone"),
    NOTE("note"),
    WEB("web");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Channel of(String code) {
        return CodedEnum.fromCode(Channel.class, code);
    }

    /** Maps the enum to its code in the database. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodedEnum.Converter<Channel> {
        public Converter() {
            super(Channel.class);
        }
    }
}
