package org.relaydesk.ticket.repository;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.relaydesk.ticket.StateType;

/**
 * Filters, sort and cursor of a ticket list. {@code readableQueueIds} null means every queue
 * (admin); otherwise only tickets of those queues are listed.
 */
public record TicketQuery(
        List<Integer> readableQueueIds,
        Integer queueId,
        String state,
        List<StateType> stateTypes,
        String owner,
        Boolean locked,
        String customerId,
        String customerUserId,
        Integer priority,
        Boolean escalated,
        Sort sort,
        Cursor cursor) {

    /** Sortable fields: each has a non-null column, so (value, id) orders tickets totally. */
    public enum SortField {
        ID("id", Long::valueOf),
        NUMBER("number", s -> s),
        CREATED("createdAt", Instant::parse),
        CHANGED("changedAt", Instant::parse),
        PRIORITY("priority", Integer::valueOf);

        final String property;
        private final Function<String, Object> parser;

        SortField(String property, Function<String, Object> parser) {
            this.property = property;
            this.parser = parser;
        }

        Object parse(String value) {
            return parser.apply(value);
        }

        /** The sort value of a ticket, as carried in a cursor. */
        public String valueOf(org.relaydesk.ticket.Ticket t) {
            return switch (this) {
                case ID -> t.id.toString();
                case NUMBER -> t.number;
                case CREATED -> t.createdAt.toString();
                case CHANGED -> t.changedAt.toString();
                case PRIORITY -> t.priority.toString();
            };
        }
    }

    public record Sort(SortField field, boolean descending) {
    }

    /** Position after the last ticket of the previous page. */
    public record Cursor(String value, long id) {
    }
}
