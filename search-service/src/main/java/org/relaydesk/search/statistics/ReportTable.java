package org.relaydesk.search.statistics;

import java.util.List;

/**
 * The result of a report: a title, column names and rows of values (strings or numbers; null for
 * "no data", e.g. an average over no tickets).
 */
public record ReportTable(String title, List<String> columns, List<List<Object>> rows) {
}
