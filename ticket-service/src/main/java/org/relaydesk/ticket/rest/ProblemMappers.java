package org.relaydesk.ticket.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.relaydesk.ticket.service.ProblemException;
import org.relaydesk.ticket.service.ProblemException.FieldError;

/**
 * Maps every failure to an RFC 9457 problem: domain problems keep their status; bean validation
 * and unreadable JSON are 400 naming each field; authentication 401, authorisation 403; unknown
 * paths 404; lock and unique-key conflicts 409. Anything unexpected is a logged 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, UriInfo uri) {
        return respond(Problem.of(e.type(), e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return respond(Problem.of("validation", "Bad request", 400, detail, path(uri), errors));
    }

    @ServerExceptionMapper({MismatchedInputException.class, InvalidFormatException.class, ValueInstantiationException.class,
            JsonMappingException.class})
    public RestResponse<Problem> json(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
        String message = cause == e ? e.getOriginalMessage() : cause.getMessage();
        if (message != null && message.length() > 300) {
            message = message.substring(0, 300);
        }
        return respond(Problem.of("bad-request", "Bad request", 400, field + ": " + message, path(uri),
                List.of(new FieldError(field, message))));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unparseable(JsonParseException e, UriInfo uri) {
        return respond(Problem.of("bad-request", "Bad request", 400, "the body is not valid JSON: " + e.getOriginalMessage(),
                path(uri), List.of(new FieldError("body", "is not valid JSON"))));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public RestResponse<Problem> unauthorized(RuntimeException e, UriInfo uri) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.UNAUTHORIZED,
                        Problem.of("unauthorized", "Unauthorized", 401, "a valid bearer token is required", path(uri), null))
                .type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "the caller's roles do not allow this operation", path(uri), null));
    }

    @ServerExceptionMapper({OptimisticLockException.class, PessimisticLockException.class, LockTimeoutException.class})
    public RestResponse<Problem> lockConflict(PersistenceException e, UriInfo uri) {
        return respond(Problem.of("conflict", "Conflict", 409, "a concurrent change got there first; retry", path(uri), null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> persistence(PersistenceException e, UriInfo uri) {
        Throwable root = root(e);
        String sqlState = root instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
        if (sqlState != null && sqlState.startsWith("23")) {
            return respond(Problem.of("conflict", "Conflict", 409,
                    "the change conflicts with existing data: " + firstLine(root.getMessage()), path(uri), null));
        }
        if ("40P01".equals(sqlState) || "40001".equals(sqlState)) {
            return lockConflict(e, uri);
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, UriInfo uri) {
        // The JSON body reader wraps binding errors in a plain 400: unwrap them to name the field.
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonMappingException jme) {
                return json(jme, uri);
            }
            if (c instanceof JsonParseException jpe) {
                return unparseable(jpe, uri);
            }
        }
        Response r = e.getResponse();
        int status = r.getStatus();
        String title = r.getStatusInfo().getReasonPhrase();
        String kind = status == 404 ? "not-found" : status == 405 ? "method-not-allowed"
                : status == 415 ? "unsupported-media-type" : status == 406 ? "not-acceptable" : "http-" + status;
        return respond(Problem.of(kind, title, status, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "unexpected failure on %s", path(uri));
        return respond(Problem.of("internal", "Internal server error", 500, "an unexpected error occurred", path(uri), null));
    }

    private static RestResponse<Problem> respond(Problem p) {
        // by number: RestResponse.Status has no constant for 422
        return RestResponse.ResponseBuilder.<Problem>create(p.status()).entity(p).type(Problem.MEDIA_TYPE).build();
    }

    /** The field of a violation: the property path after the method and parameter, e.g. {@code article.subject}. */
    static String field(ConstraintViolation<?> v) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null && out.length() > 0) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    private static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}

