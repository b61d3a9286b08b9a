package org.relaydesk.ticket;

import jakarta.persistence.AttributeConverter;
import java.util.Arrays;

/**
 * An enum stored and sent as a fixed code (e.g. {@code pending auto close+}). Each such enum has a
 * nested {@link Converter} subclass so JPA maps it to that code.
 */
public interface CodedEnum {

    String code();

    static <E extends Enum<E> & CodedEnum> E fromCode(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.code().equalsIgnoreCase(code.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + code
                        + "', expected one of " + Arrays.stream(type.getEnumConstants()).map(CodedEnum::code).toList()));
    }

    /** JPA converter between an enum and its code. */
    abstract class Converter<E extends Enum<E> & CodedEnum> implements AttributeConverter<E, String> {

        private final Class<E> type;

        protected Converter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : value.code();
        }

        @Override
        public E convertToEntityAttribute(String code) {
            return fromCode(type, code);
        }
    }
}
