package org.relaydesk.escalation.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** How ticket-service's answers to the read check are sorted (plain JUnit, the REST client replaced). */
class TicketServiceClientTest {

    private static TicketServiceClient answering(TicketServiceApi api) {
        TicketServiceClient client = new TicketServiceClient();
        client.api = api;
        return client;
    }

    private static TicketServiceClient status(int status) {
        return answering((auth, id, articles) -> {
            throw new WebApplicationException(Response.status(status).build());
        });
    }

    @Test
    void okIsReadable() {
        assertEquals(TicketServiceClient.Access.READABLE, answering((auth, id, articles) -> { }).readAccess("t", 1));
    }

    @Test
    void theCallersTokenIsPassedOnAsBearerToken() {
        List<String> seen = new ArrayList<>();
        answering((auth, id, articles) -> seen.add(auth + " " + id + " " + articles)).readAccess("eyJ.caller", 42);
        assertEquals(List.of("Bearer eyJ.caller 42 false"), seen);
    }

    @Test
    void forbiddenAndNotFoundArePassedOn() {
        assertEquals(TicketServiceClient.Access.FORBIDDEN, status(403).readAccess("t", 1));
        assertEquals(TicketServiceClient.Access.NOT_FOUND, status(404).readAccess("t", 1));
    }

    @Test
    void serverErrorsAndOtherRefusalsAreUnavailable() {
        for (int status : new int[] {500, 502, 503, 504, 401, 400, 429}) {
            assertThrows(TicketServiceUnavailable.class, () -> status(status).readAccess("t", 1), "status " + status);
        }
    }

    @Test
    void connectionFailuresAndTimeoutsAreUnavailable() {
        assertThrows(TicketServiceUnavailable.class, () -> answering((auth, id, articles) -> {
            throw new ProcessingException(new ConnectException("Connection refused"));
        }).readAccess("t", 1));
        assertThrows(TicketServiceUnavailable.class, () -> answering((auth, id, articles) -> {
            throw new ProcessingException(new TimeoutException("read timeout"));
        }).readAccess("t", 1));
    }
}
