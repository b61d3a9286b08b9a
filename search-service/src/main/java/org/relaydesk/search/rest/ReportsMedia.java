package org.relaydesk.search.rest;

/** Media types of report exports. */
final class ReportsMedia {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ReportsMedia() {
    }
}
