package org.relaydesk.ticket.api;

import java.util.List;

/** One page of a ticket list; pass {@code nextCursor} as {@code cursor} for the next page (null at the end). */
public record TicketPage<T>(List<T> items, String nextCursor) {
}
