package org.relaydesk.escalation.rest;

/** A request the API refuses, answered as an RFC 9457 problem ({@code application/problem+json}) by {@link ProblemMappers}. */
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

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Not Found", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail);
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, "ticket-service-unavailable", "Service Unavailable", detail);
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
