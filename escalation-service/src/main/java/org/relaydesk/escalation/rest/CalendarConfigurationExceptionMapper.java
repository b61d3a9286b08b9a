package org.relaydesk.escalation.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.relaydesk.escalation.calendar.CalendarConfigurationException;

/** An invalid calendar definition is the client's mistake: 400 with the reason. */
@Provider
public class CalendarConfigurationExceptionMapper implements ExceptionMapper<CalendarConfigurationException> {

    @Override
    public Response toResponse(CalendarConfigurationException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getMessage())).build();
    }
}
