package com.goodcar.auction.deposit;

import com.goodcar.auction.bidding.LotWriters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The auction's local view of deposit holds: who may bid on which lot. Kept in this service's own
 * table so the bid path never calls deposit-service; the lot's writer keeps it in memory.
 */
@ApplicationScoped
public class Holds {

    private final LotWriters writers;

    Holds(LotWriters writers) {
        this.writers = writers;
    }

    /**
     * Records the hold's state on the caller's transaction unless a later change is recorded already;
     * true when it changed the row. Call {@link #notifyWriter} after it commits, only then.
     */
    public Uni<Boolean> record(SqlConnection connection, String lotId, String userId, String holdId, boolean active,
                               Instant at) {
        return connection.preparedQuery("""
                        insert into deposit_hold (lot_id, user_id, hold_id, active, updated_at) values ($1, $2, $3, $4, $5)
                        on conflict (lot_id, user_id) do update set hold_id = $3, active = $4, updated_at = $5
                        where deposit_hold.updated_at <= $5""")
                .execute(Tuple.of(lotId, userId, holdId, active, at.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() == 1);
    }

    public void notifyWriter(String lotId, String userId, boolean active) {
        writers.holdChanged(lotId, userId, active);
    }
}
