package org.relaydesk.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Delivery of an outbound article by the mail-gateway. */
public enum DeliveryStatus implements CodedEnum {
    QUEUED("queued"),
    SENT("sent"),
    FAILED("failed");

    private final String code;

    DeliveryStatus(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static DeliveryStatus of(String code) {
        return CodedEnum.fromCode(DeliveryStatus.class, code);
    }

    /** Maps the enum to its code in the database. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodedEnum.Converter<DeliveryStatus> {
        public Converter() {
            super(DeliveryStatus.class);
        }
    }
}
