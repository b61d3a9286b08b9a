package org.relaydesk.ticket.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relaydesk.ticket.rest.Api.MISC;
import static org.relaydesk.ticket.rest.Api.SUPPORT;
import static org.relaydesk.ticket.rest.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.relaydesk.ticket.DateChecksumTicketNumberGenerator;
import org.relaydesk.testsupport.KeycloakTokens;

@QuarkusTest
class ConcurrencyTest {

    @Test
    void parallelCreatesGetUniqueValidNumbers() throws Exception {
        KeycloakTokens.user("agent1");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> numbers = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                int n = i;
                numbers.add(pool.submit(() -> Api.create("agent1", Api.phoneTicket(SUPPORT, "Parallel " + n))
                        .then().statusCode(201).extract().jsonPath().getString("number")));
            }
            HashSet<String> unique = new HashSet<>();
            for (Future<String> f : numbers) {
                String number = f.get();
                assertTrue(DateChecksumTicketNumberGenerator.valid(number), number);
                unique.add(number);
            }
            assertEquals(48, unique.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelLockAttemptsHaveExactlyOneWinner() throws Exception {
        List<String> agents = List.of("agent1", "agent3", "admin", "agent1", "agent3", "admin");
        agents.forEach(KeycloakTokens::user);
        for (int round = 0; round < 3; round++) {
            long id = Api.createTicket("admin", MISC, "Lock race " + round);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(agents.size());
            try {
                List<Future<String>> results = new ArrayList<>();
                for (String agent : agents) {
                    Callable<String> attempt = () -> {
                        start.await();
                        int status = as(agent).post("/api/tickets/" + id + "/lock").statusCode();
                        return agent + ":" + status;
                    };
                    results.add(pool.submit(attempt));
                }
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : results) {
                    outcomes.add(f.get());
                }
                String owner = as("admin").get("/api/tickets/" + id).jsonPath().getString("owner");
                // The winner may retry its own lock (same agent twice): that is a no-op 200.
                long winners = outcomes.stream().filter(o -> o.endsWith(":200")).map(o -> o.split(":")[0]).distinct().count();
                assertEquals(1, winners, outcomes.toString());
                assertTrue(outcomes.stream().filter(o -> o.endsWith(":200")).allMatch(o -> o.startsWith(owner + ":")), outcomes + " owner " + owner);
                assertTrue(outcomes.stream().filter(o -> !o.endsWith(":200")).allMatch(o -> o.endsWith(":409")), outcomes.toString());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
