package org.relaydesk.notification.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class EventConsumerTest {

    @Test
    void databaseOutagesAreTransient() {
        assertTrue(EventConsumer.isTransient(new RuntimeException(new SQLTransientConnectionException("down"))));
        assertTrue(EventConsumer.isTransient(new IllegalStateException("wrapped",
                new SQLException("connection refused", "08001"))));
        assertTrue(EventConsumer.isTransient(new RuntimeException(new SQLException("deadlock", "40P01"))));
    }

    @Test
    void bugsAndBadPayloadsAreNot() {
        assertFalse(EventConsumer.isTransient(new NullPointerException()));
        assertFalse(EventConsumer.isTransient(new IllegalArgumentException("bad payload")));
        assertFalse(EventConsumer.isTransient(new RuntimeException(new SQLException("value too long", "22001"))));
    }
}
