package org.relaydesk.ticket.service;

import java.util.List;

/**
 * A failure the caller caused or can resolve, rendered as an RFC 9457 problem with the given
 * status. Thrown before anything was written, or inside the transaction so that it rolls back.
 */
public class ProblemException extends RuntimeException {

    /** A field that failed validation. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

    public static ProblemException lockedByOther(long ticketId, String owner) {
        return new ProblemException(409, "ticket-locked", "Ticket locked",
                "ticket " + ticketId + " is locked by " + owner, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null);
    }

    public static ProblemException stale(long current) {
        return new ProblemException(412, "stale-version", "Precondition failed",
                "the ticket has changed; its current ETag is \"" + current + "\"", null);
    }

    /** The request is well-formed but a field's value cannot be used (unknown id, missing pending time, ...). */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(422, "validation", "Unprocessable content", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    /** The request itself is malformed. */
    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "bad-request", "Bad request", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
