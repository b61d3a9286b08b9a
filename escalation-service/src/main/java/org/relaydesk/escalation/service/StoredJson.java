package org.relaydesk.escalation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.relaydesk.contracts.Json;

/**
 * The JSON of the service's own stored columns (timeline, clocks, notices): the contracts' mapper, but
 * instants as decimal epoch seconds with their nanoseconds ({@code 1772442000.123456000}), which a
 * recompute of a million rows reads several times faster than ISO-8601 text, without losing precision.
 * Rows written before keep their ISO-8601 instants and read the same.
 */
final class StoredJson {

    static final ObjectMapper MAPPER = Json.MAPPER.copy()
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .enable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS);

    private StoredJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }

    static <T> T read(String json, TypeReference<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }
}
