package org.relaydesk.search.statistics;

import java.util.List;
import org.relaydesk.search.api.TicketSearchRequest;

/**
 * A composed report: rows grouped by the dimensions (in order), one column per metric, over the
 * tickets that match the filter.
 *
 * <p>Dimensions: {@code queue}, {@code state}, {@code stateType}, {@code priority}, {@code owner},
 * {@code responsible}, {@code customer} (customer id), {@code customerUser}, {@code service}, {@code serviceId},
 * {@code type}, {@code lock}, {@code df:<Field>} (a dynamic field), and time as
 * {@code created:day|week|month} or {@code closed:day|week|month}.
 *
 * <p>Metrics: {@code count}, and {@code avg:}, {@code min:}, {@code max:} or {@code p<N>:} (a
 * percentile, e.g. {@code p90:}) of {@code firstResponse} or {@code solution} (minutes).
 *
 * @param title      report title
 * @param dimensions grouping, outermost first (at most 3)
 * @param metrics    columns after the dimensions (default {@code count})
 * @param filter     which tickets: the filters of a ticket search ({@code q} included)
 */
public record ReportDefinition(String title, List<String> dimensions, List<String> metrics, TicketSearchRequest filter) {
}
