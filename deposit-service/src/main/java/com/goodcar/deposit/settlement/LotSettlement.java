package com.goodcar.deposit.settlement;

import com.goodcar.contracts.IntegrationEvent;
import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.contracts.auction.AuctionScheduled;
import com.goodcar.contracts.deposit.DepositReleased;
import com.goodcar.deposit.ledger.Journal;
import com.goodcar.deposit.ledger.JournalEntry;
import com.goodcar.deposit.ledger.Movement;
import com.goodcar.deposit.refund.RefundRows;
import com.goodcar.kit.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.jboss.logging.Logger;

/**
 * What a lot's auction events do to its deposits. The close is set-based — a handful of statements
 * whatever the number of holds — because one hot lot may have tens of thousands of depositors:
 * unpaid deposits are cancelled, the winner's hold waits for the order, every other hold is
 * released, booked and queued for refund, each with its deposit.released.v1.
 */
@ApplicationScoped
public class LotSettlement {

    private static final Logger LOG = Logger.getLogger(LotSettlement.class);

    private final Journal journal;
    private final Outbox outbox;

    LotSettlement(Journal journal, Outbox outbox) {
        this.journal = journal;
        this.outbox = outbox;
    }

    public Uni<Void> scheduled(SqlConnection connection, AuctionScheduled lot, Instant now) {
        return connection.preparedQuery("""
                        insert into lot (id, deposit_fen, title, ends_at, updated_at) values ($1, $2, $3, $4, $5)
                        on conflict (id) do update set deposit_fen = excluded.deposit_fen, title = excluded.title,
                            ends_at = excluded.ends_at, updated_at = excluded.updated_at where lot.result is null""")
                .execute(Tuple.of(lot.lotId(), lot.depositFen(), lot.title(), lot.endsAt().atOffset(ZoneOffset.UTC),
                        now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    public Uni<Void> closed(SqlConnection connection, AuctionClosed closed, String eventId, Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        boolean sold = "SOLD".equals(closed.result());
        String winner = sold ? closed.winnerUserId() : null;
        String reason = switch (closed.result()) {
            case "SOLD" -> "LOT_SOLD_TO_ANOTHER";
            case "CANCELLED" -> "LOT_CANCELLED";
            default -> "LOT_UNSOLD";
        };
        return connection.preparedQuery("""
                        insert into lot (id, deposit_fen, result, winner_id, closed_at, updated_at) values ($1, $2, $3, $4, $5, $5)
                        on conflict (id) do update set result = excluded.result, winner_id = excluded.winner_id,
                            closed_at = excluded.closed_at, updated_at = excluded.updated_at""")
                .execute(Tuple.of(closed.lotId(), Math.max(1, closed.depositFen()), closed.result(), winner, at))
                .chain(() -> connection.preparedQuery("""
                                update deposit set state = 'CANCELLED', updated_at = $2
                                where lot_id = $1 and state = 'AWAITING_PAYMENT'""")
                        .execute(Tuple.of(closed.lotId(), at)))
                .chain(() -> connection.preparedQuery("""
                                update deposit set state = 'WON', updated_at = $3
                                where lot_id = $1 and state = 'HELD' and user_id = $2""")
                        .execute(Tuple.of(closed.lotId(), winner, at)))
                .chain(() -> connection.preparedQuery("""
                                update deposit set state = 'RELEASED', updated_at = $2
                                where lot_id = $1 and state = 'HELD' returning id, user_id, amount_fen, payment_id""")
                        .execute(Tuple.of(closed.lotId(), at)))
                .chain(released -> {
                    var entries = new ArrayList<JournalEntry>(released.size());
                    var refunds = new ArrayList<RefundRows.Due>(released.size());
                    var events = new ArrayList<IntegrationEvent>(released.size());
                    for (Row row : released) {
                        String depositId = row.getString("id");
                        String userId = row.getString("user_id");
                        long amount = row.getLong("amount_fen");
                        entries.add(JournalEntry.of(Movement.RELEASE, depositId, depositId, closed.lotId(), userId, amount,
                                reason, eventId, now));
                        refunds.add(new RefundRows.Due(row.getString("payment_id"), depositId, closed.lotId(), userId,
                                amount, RefundRows.RELEASED));
                        events.add(new DepositReleased(depositId, closed.lotId(), userId, reason, now));
                    }
                    LOG.infof("lot %s closed %s: %d holds released%s", closed.lotId(), closed.result(), released.size(),
                            sold ? ", the winner's waits for the order" : "");
                    return journal.book(connection, entries)
                            .chain(() -> RefundRows.queue(connection, refunds, now))
                            .chain(() -> outbox.stage(connection, events, now));
                });
    }
}
