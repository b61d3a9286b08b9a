package org.relaydesk.ticket.rest;

import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.relaydesk.ticket.StateType;
import org.relaydesk.ticket.repository.TicketQuery;
import org.relaydesk.ticket.service.ProblemException;
import org.relaydesk.ticket.service.TicketQueries;

/**
 * Query parameters of a ticket list. Read as text and parsed here so that a bad value is a 400
 * naming the parameter (JAX-RS would answer 404).
 */
public class TicketListParams {

    @QueryParam("queueId")
    public String queueId;
    @QueryParam("state")
    public String state;
    /** Repeatable: {@code stateType=new&stateType=open}. */
    @QueryParam("stateType")
    public List<String> stateType;
    @QueryParam("owner")
    public String owner;
    @QueryParam("locked")
    public String locked;
    @QueryParam("customerId")
    public String customerId;
    @QueryParam("customerUserId")
    public String customerUserId;
    @QueryParam("priority")
    public String priority;
    @QueryParam("escalated")
    public String escalated;
    /** id, number, created, changed or priority; a leading '-' sorts descending. Default {@code -created}. */
    @QueryParam("sort")
    public String sort;
    @QueryParam("cursor")
    public String cursor;
    @QueryParam("limit")
    public String limit;

    public TicketQuery toQuery() {
        List<StateType> types = new ArrayList<>();
        if (stateType != null) {
            for (String s : stateType) {
                try {
                    types.add(StateType.of(s));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("stateType", e.getMessage());
                }
            }
        }
        return new TicketQuery(null, integer("queueId", queueId), blank(state), types, blank(owner),
                bool("locked", locked), blank(customerId), blank(customerUserId), integer("priority", priority),
                bool("escalated", escalated), sort(), TicketQueries.decodeCursor(cursor));
    }

    public Integer limit() {
        return integer("limit", limit);
    }

    private TicketQuery.Sort sort() {
        String s = sort == null || sort.isBlank() ? "-created" : sort.strip();
        boolean desc = s.startsWith("-");
        String name = desc ? s.substring(1) : s;
        try {
            return new TicketQuery.Sort(TicketQuery.SortField.valueOf(name.toUpperCase(Locale.ROOT)), desc);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("sort", "must be one of id, number, created, changed, priority, optionally with a leading '-'");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a whole number");
        }
    }

    private static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(name, "must be true or false");
        };
    }
}
