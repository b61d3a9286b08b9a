package org.relaydesk.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a Keycloak group may do in the queues of a group (as in OTRS); {@code rw} implies all others. */
public enum Permission implements CodedEnum {
    RO("ro"),
    MOVE_INTO("move_into"),
    CREATE("create"),
    NOTE("note"),
    OWNER("owner"),
    PRIORITY("priority"),
    RW("rw");

    private final String code;

    Permission(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Permission of(String code) {
        return CodedEnum.fromCode(Permission.class, code);
    }

    /** Maps the enum to its code in the database. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodedEnum.Converter<Permission> {
        public Converter() {
            super(Permission.class);
        }
    }
}
