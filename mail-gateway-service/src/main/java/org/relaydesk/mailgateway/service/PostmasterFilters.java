package org.relaydesk.mailgateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.relaydesk.contracts.Json;
import org.relaydesk.mailgateway.PostmasterFilterDefinition;
import org.relaydesk.mailgateway.pipeline.FilterAction;
import org.relaydesk.mailgateway.pipeline.FilterCondition;
import org.relaydesk.mailgateway.pipeline.PostmasterFilter;

/** Reads stored postmaster filters (JSON conditions and actions) into the pipeline's rules. */
public final class PostmasterFilters {

    private PostmasterFilters() {
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public static PostmasterFilter toRule(PostmasterFilterDefinition d) {
        return new PostmasterFilter(d.name, conditions(read(d.conditions, "conditions")),
                actions(read(d.actions, "actions")), d.stopAfterMatch);
    }

    public static List<FilterCondition> conditions(JsonNode array) {
        List<FilterCondition> list = new ArrayList<>();
        for (JsonNode c : array) {
            String operator = c.path("operator").asText("CONTAINS").toUpperCase(Locale.ROOT);
            FilterCondition.Operator op;
            try {
                op = FilterCondition.Operator.valueOf(operator);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("operator must be CONTAINS, EQUALS or REGEX, was " + operator);
            }
            list.add(new FilterCondition(required(c, "field"), op, required(c, "pattern"), c.path("negate").asBoolean(false)));
        }
        return list;
    }

    public static List<FilterAction> actions(JsonNode array) {
        List<FilterAction> list = new ArrayList<>();
        for (JsonNode a : array) {
            String type = required(a, "type");
            list.add(switch (type) {
                case "SetQueue" -> new FilterAction.SetQueue(required(a, "queue"));
                case "SetPriority" -> new FilterAction.SetPriority(a.path("priority").asInt(0));
                case "SetState" -> new FilterAction.SetState(required(a, "state"));
                case "SetDynamicField" -> new FilterAction.SetDynamicField(required(a, "name"), required(a, "value"));
                case "MarkJunk" -> new FilterAction.MarkJunk();
                case "Ignore" -> new FilterAction.Ignore();
                default -> throw new IllegalArgumentException("unknown action type " + type
                        + " (SetQueue, SetPriority, SetState, SetDynamicField, MarkJunk, Ignore)");
            });
        }
        return list;
    }

    private static JsonNode read(String json, String what) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            if (!node.isArray()) {
                throw new IllegalArgumentException(what + " must be a JSON array");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode n, String field) {
        if (!n.hasNonNull(field) || n.get(field).asText().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required in " + n);
        }
        return n.get(field).asText();
    }
}
