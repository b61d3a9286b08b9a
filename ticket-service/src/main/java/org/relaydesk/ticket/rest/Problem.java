package org.relaydesk.ticket.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.relaydesk.ticket.service.ProblemException.FieldError;

/**
 * An RFC 9457 problem body ({@code application/problem+json}). {@code type} is a relative URI
 * reference {@code /problems/<kind>}; {@code errors} names each field of a validation failure.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String kind, String title, int status, String detail, String instance, List<FieldError> errors) {
        return new Problem("/problems/" + kind, title, status, detail, instance, errors);
    }
}
