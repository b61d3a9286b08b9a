package org.relaydesk.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a template can be used. */
public enum TemplateType implements CodedEnum {
    ANSWER("answer"),
    CREATE("create"),
    FORWARD("forward"),
    NOTE("note"),
    PHONE("phone");

    private final String code;

    TemplateType(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static TemplateType of(String code) {
        return CodedEnum.fromCode(TemplateType.class, code);
    }

    /** Maps the enum to its code in the database. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodedEnum.Converter<TemplateType> {
        public Converter() {
            super(TemplateType.class);
        }
    }
}
