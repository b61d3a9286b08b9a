package org.relaydesk.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an article is: the action that created it. */
public enum ArticleKind implements CodedEnum {
    NOTE("note"),
    PHONE("phone"),
    EMAIL("email"),
    WEB("web"),
    REPLY("reply"),
    FORWARD("forward"),
    BOUNCE("bounce"),
    AUTO_RESPONSE("auto_response");

    private final String code;

    ArticleKind(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ArticleKind of(String code) {
        return CodedEnum.fromCode(ArticleKind.class, code);
    }

    /** Maps the enum to its code in the database. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodedEnum.Converter<ArticleKind> {
        public Converter() {
            super(ArticleKind.class);
        }
    }
}
