package org.relaydesk.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kind of link between two tickets. */
public enum LinkType implements CodedEnum {
    NORMAL("normal"),
    PARENT_CHILD("parent_child");

    private final String code;

    LinkType(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static LinkType of(String code) {
        return CodedEnum.fromCode(LinkType.class, code);
    }

    /** Maps the enum to its code in the database. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodedEnum.Converter<LinkType> {
        public Converter() {
            super(LinkType.class);
        }
    }
}
