package com.goodcar.kit.problem;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;

/**
 * Whether a failure is the database being away (restarting, failing over, refusing or resetting connections)
 * rather than a fault of the request or of the code: such a request may be sent again in a
 * moment, so it is answered 503 with Retry-After, never 500.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SocketException || t instanceof ClosedConnectionException) {
                return true;
            }
            if (t instanceof PgException pg && unavailable(pg.getSqlState())) {
                return true;
            }
            if (t instanceof SQLException sql && unavailable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) and 57P01..57P05 (shut down, crashed, not accepting connections yet). */
    private static boolean unavailable(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}
