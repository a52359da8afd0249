package com.goodcar.kit.retention;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * The rows of a table that only grows (published events, processed event ids, callback nonces)
 * which no longer matter once their timestamp is older than a cutoff. The names are the caller's
 * constants, never input. A null timestamp (an event not yet published) is never older.
 */
public record AgedRows(String table, String timestamp, String what) {

    private static final Logger LOG = Logger.getLogger(AgedRows.class);

    /** Deletes them; completes with how many went, logged when any did. */
    public Uni<Integer> deleteOlderThan(Pool pool, Instant cutoff) {
        return pool.preparedQuery("delete from " + table + " where " + timestamp + " < $1")
                .execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    if (rows.rowCount() > 0) {
                        LOG.infof("%s: forgot %d %s from before %s", table, rows.rowCount(), what, cutoff);
                    }
                    return rows.rowCount();
                });
    }
}
