package org.relaydesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.relaydesk.contracts.EventEnvelope;
import org.relaydesk.search.messaging.EventApplier;

/**
 * A batch that could not be written to Elasticsearch leaves no event id recorded, so that the
 * retried (or redelivered) batch is applied. Elasticsearch is "down": the service points at a port
 * where nothing listens.
 */
@QuarkusTest
@TestProfile(ElasticsearchDownTest.Unreachable.class)
class ElasticsearchDownTest {

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.elasticsearch.hosts", "127.0.0.1:9");
        }
    }

    @Inject
    EventApplier applier;

    @Inject
    AgroalDataSource db;

    @Test
    void idsOfAnUnwrittenBatchAreNotRecorded() throws SQLException {
        long id = ThreadLocalRandom.current().nextLong(100_000_000L, 400_000_000L) * 2;
        List<EventEnvelope> batch = BatchIndexingTest.story(id, Instant.now().minusSeconds(3600)).subList(0, 8);
        assertThrows(RuntimeException.class, () -> applier.apply(batch));
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from processed_event where event_id = any(?::uuid[])")) {
            ps.setArray(1, c.createArrayOf("text", batch.stream().map(e -> e.id().toString()).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
    }
}
