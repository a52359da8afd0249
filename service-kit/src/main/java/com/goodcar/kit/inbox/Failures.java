package com.goodcar.kit.inbox;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/** Which failures of an effect pass by themselves (retry) and which would fail again (park). */
final class Failures {

    /** SQLSTATE classes and codes that say "not now" rather than "never": connection, lock, load, shutdown */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57");
    private static final Set<String> TRANSIENT_CODES = Set.of("40001", "40P01", "55P03");

    private Failures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PoisonEvent) {
                return false;
            }
            if (t instanceof PgException pg) {
                String state = pg.getSqlState();
                return state != null && (TRANSIENT_CODES.contains(state)
                        || TRANSIENT_CLASSES.contains(state.substring(0, Math.min(2, state.length()))));
            }
            if (t instanceof ConnectException || t instanceof TimeoutException
                    || t instanceof io.vertx.sqlclient.ClosedConnectionException
                    || t.getClass().getName().endsWith("NoStackTraceTimeoutException")
                    || "Timeout".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
