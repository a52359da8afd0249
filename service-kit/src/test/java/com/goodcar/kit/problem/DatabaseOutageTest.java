package com.goodcar.kit.problem;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseOutageTest {

    @Test
    void aDatabaseThatIsAwayIsAnOutageWhereverInTheCausesItShows() {
        assertTrue(DatabaseOutage.causes(new CompletionException(new PgException("the database system is shutting down",
                "FATAL", "57P03", null))));
        assertTrue(DatabaseOutage.causes(new RuntimeException(new ConnectException("Connection refused"))));
        assertTrue(DatabaseOutage.causes(ClosedConnectionException.INSTANCE));
        assertTrue(DatabaseOutage.causes(new CompletionException(new java.net.SocketException("Connection reset"))));
        assertTrue(DatabaseOutage.causes(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseOutage.causes(new SQLException("connection failure", "08006")));
    }

    @Test
    void aFaultOfTheQueryOrTheCodeIsNot() {
        assertFalse(DatabaseOutage.causes(new PgException("duplicate key", "ERROR", "23505", null)));
        assertFalse(DatabaseOutage.causes(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseOutage.causes(new IllegalStateException("a bug")));
    }
}
