package org.relaydesk.mailgateway.rest;

/** A request the API refuses, answered as an RFC 9457 problem ({@code application/problem+json}). */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;

    public ApiProblem(int status, String kind, String title, String detail) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    public static ApiProblem invalid(String detail) {
        return new ApiProblem(400, "invalid", "Invalid request", detail);
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(404, "not-found", "Not found", "no " + what + " " + id);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }
}
