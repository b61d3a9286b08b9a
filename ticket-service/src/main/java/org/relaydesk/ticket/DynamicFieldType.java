package org.relaydesk.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kinds of dynamic field. */
public enum DynamicFieldType implements CodedEnum {
    TEXT("text"),
    TEXTAREA("textarea"),
    DROPDOWN("dropdown"),
    MULTISELECT("multiselect"),
    DATE("date"),
    CHECKBOX("checkbox");

    private final String code;

    DynamicFieldType(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static DynamicFieldType of(String code) {
        return CodedEnum.fromCode(DynamicFieldType.class, code);
    }

    /** Maps the enum to its code in the database. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodedEnum.Converter<DynamicFieldType> {
        public Converter() {
            super(DynamicFieldType.class);
        }
    }
}
