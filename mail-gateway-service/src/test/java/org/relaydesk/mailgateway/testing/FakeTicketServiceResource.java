package org.relaydesk.mailgateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the gateway's ticket-service client at {@link FakeTicketService} (started by the tests that need it). */
public class FakeTicketServiceResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.ticket-service.url", "http://127.0.0.1:" + FakeTicketService.port());
    }

    @Override
    public void stop() {
        FakeTicketService.stop();
    }
}
