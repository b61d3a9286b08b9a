package org.relaydesk.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a customer follow-up to a closed ticket does. */
public enum FollowUpPolicy implements CodedEnum {
    REOPEN("reopen"),
    NEW_TICKET("new_ticket"),
    REJECT("reject");

    private final String code;

    FollowUpPolicy(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static FollowUpPolicy of(String code) {
        return CodedEnum.fromCode(FollowUpPolicy.class, code);
    }

    /** Maps the enum to its code in the database. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodedEnum.Converter<FollowUpPolicy> {
        public Converter() {
            super(FollowUpPolicy.class);
        }
    }
}
