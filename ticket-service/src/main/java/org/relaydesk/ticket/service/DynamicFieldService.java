package org.relaydesk.ticket.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.relaydesk.contracts.EventTypes;
import org.relaydesk.contracts.Json;
import org.relaydesk.contracts.ticket.DynamicFieldChanged;
import org.relaydesk.ticket.DynamicField;
import org.relaydesk.ticket.DynamicFieldType;
import org.relaydesk.ticket.DynamicFieldValue;
import org.relaydesk.ticket.Ticket;
import org.relaydesk.ticket.repository.DynamicFieldRepository;

/**
 * Dynamic field values of tickets: validated against the field definition (type and allowed
 * values), stored as JSON, written to history and published as {@code DynamicFieldChanged}.
 */
@ApplicationScoped
public class DynamicFieldService {

    @Inject
    DynamicFieldRepository fields;
    @Inject
    TicketJournal journal;

    /** Sets the given fields; a null value clears a field. Validates every field before writing any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void set(Ticket t, Actor a, Map<String, JsonNode> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        Map<DynamicField, JsonNode> checked = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            DynamicField field = fields.byName(name).filter(f -> f.valid)
                    .orElseThrow(() -> ProblemException.invalid("dynamicFields." + name, "no valid dynamic field with this name"));
            JsonNode normalized = value == null || value.isNull() ? null : validate(field, value);
            checked.put(field, normalized);
        });
        checked.forEach((field, value) -> apply(t, a, field, value));
    }

    private void apply(Ticket t, Actor a, DynamicField field, JsonNode value) {
        DynamicFieldValue stored = fields.value(t.id, field.id).orElse(null);
        JsonNode old = stored == null ? null : parse(stored.value);
        if (Objects.equals(old, value)) {
            return;
        }
        if (value == null) {
            stored.delete();
        } else if (stored == null) {
            DynamicFieldValue v = new DynamicFieldValue();
            v.ticketId = t.id;
            v.fieldId = field.id;
            v.value = Json.write(value);
            v.persist();
        } else {
            stored.value = Json.write(value);
        }
        journal.history(t, a, "TicketDynamicFieldUpdate", old, value,
                "Changed dynamic field " + field.name + " from " + old + " to " + value + ".");
        journal.publish(t, EventTypes.DYNAMIC_FIELD_CHANGED,
                new DynamicFieldChanged(t.id, field.name, field.type.code(), old, value, a.username()));
    }

    private JsonNode validate(DynamicField field, JsonNode value) {
        String path = "dynamicFields." + field.name;
        List<String> options = options(field);
        switch (field.type) {
            case TEXT, TEXTAREA -> {
                if (!value.isTextual()) {
                    throw ProblemException.invalid(path, "must be a string");
                }
                if (field.type == DynamicFieldType.TEXT && value.asText().length() > 3800) {
                    throw ProblemException.invalid(path, "must be at most 3800 characters");
                }
            }
            case DROPDOWN -> {
                if (!value.isTextual() || !options.contains(value.asText())) {
                    throw ProblemException.invalid(path, "must be one of " + options);
                }
            }
            case MULTISELECT -> {
                if (!value.isArray()) {
                    throw ProblemException.invalid(path, "must be an array of values from " + options);
                }
                for (JsonNode item : value) {
                    if (!item.isTextual() || !options.contains(item.asText())) {
                        throw ProblemException.invalid(path, "must be an array of values from " + options);
                    }
                }
            }
            case DATE -> {
                if (!value.isTextual() || !isDate(value.asText())) {
                    throw ProblemException.invalid(path, "must be a date like 2024-12-31");
                }
            }
            case CHECKBOX -> {
                if (!value.isBoolean()) {
                    throw ProblemException.invalid(path, "must be true or false");
                }
            }
            default -> throw new IllegalStateException("unhandled field type " + field.type);
        }
        return value;
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The values of one ticket by field name. */
    public Map<String, JsonNode> valuesOf(long ticketId) {
        return byTicket(List.of(ticketId)).getOrDefault(ticketId, Map.of());
    }

    /** The values of many tickets: ticket id to (field name to value). */
    public Map<Long, Map<String, JsonNode>> byTicket(Collection<Long> ticketIds) {
        Map<Long, Map<String, JsonNode>> result = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        for (DynamicFieldValue v : fields.values(ticketIds)) {
            String name = names.computeIfAbsent(v.fieldId, id -> fields.findById(id).name);
            result.computeIfAbsent(v.ticketId, k -> new LinkedHashMap<>()).put(name, parse(v.value));
        }
        return result;
    }

    /** The allowed values of a dropdown or multiselect field. */
    public static List<String> options(DynamicField field) {
        List<String> result = new ArrayList<>();
        JsonNode node = parse(field.options);
        if (node instanceof ArrayNode array) {
            array.forEach(n -> result.add(n.asText()));
        }
        return result;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored dynamic field JSON is broken: " + json, e);
        }
    }
}
