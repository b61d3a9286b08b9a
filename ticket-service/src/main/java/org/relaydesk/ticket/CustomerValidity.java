package org.relaydesk.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Validity of a customer (organisation). */
public enum CustomerValidity implements CodedEnum {
    VALID("valid"),
    INVALID("invalid"),
    INVALID_TEMPORARILY("invalid-temporarily");

    private final String code;

    CustomerValidity(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static CustomerValidity of(String code) {
        return CodedEnum.fromCode(CustomerValidity.class, code);
    }

    /** Maps the enum to its code in the database. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodedEnum.Converter<CustomerValidity> {
        public Converter() {
            super(CustomerValidity.class);
        }
    }
}
