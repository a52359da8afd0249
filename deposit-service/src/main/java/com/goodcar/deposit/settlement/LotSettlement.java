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
 * unpaid deposits are cancelled, the winner's hold waits for the order (and, under the second-chance
 * rule, the runner-up's hold too), every other hold is released, booked and queued for refund, each
 * with its deposit.released.v1.
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
                // a second-chance lot's runner-up keeps their hold: they may yet be offered the car
                .chain(() -> release(connection, closed.lotId(), closed.runnerUpUserId(), true, reason, eventId, now))
                .invoke(released -> LOG.infof("lot %s closed %s: %d holds released%s%s", closed.lotId(),
                        closed.result(), released, sold ? ", the winner's waits for the order" : "",
                        closed.runnerUpUserId() != null ? ", the runner-up's is kept for a second chance" : ""))
                .replaceWithVoid();
    }

    /**
     * The runner-up's kept hold is no longer needed (the winner has the car, or the runner-up declined
     * or let the offer lapse): released and refunded, never forfeited.
     */
    public Uni<Void> runnerUpReleased(SqlConnection connection, String lotId, String userId, String reason,
                                      String eventId, Instant now) {
        return release(connection, lotId, userId, false, reason, eventId, now)
                .invoke(released -> LOG.infof("lot %s: the runner-up's hold %s (%s)", lotId,
                        released == 1 ? "released" : "was not held any more", reason))
                .replaceWithVoid();
    }

    /**
     * Releases the lot's holds — all but {@code user}'s, or only {@code user}'s — books them and queues
     * their refunds, each with its deposit.released.v1; completes with how many.
     */
    private Uni<Integer> release(SqlConnection connection, String lotId, String user, boolean allBut, String reason,
                                 String eventId, Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        String whose = allBut ? "user_id is distinct from $3" : "user_id = $3";
        return connection.preparedQuery("update deposit set state = 'RELEASED', updated_at = $2 where lot_id = $1 "
                        + "and state = 'HELD' and " + whose + " returning id, user_id, amount_fen, payment_id")
                .execute(Tuple.of(lotId, at, user))
                .chain(released -> {
                    var entries = new ArrayList<JournalEntry>(released.size());
                    var refunds = new ArrayList<RefundRows.Due>(released.size());
                    var events = new ArrayList<IntegrationEvent>(released.size());
                    for (Row row : released) {
                        String depositId = row.getString("id");
                        String userId = row.getString("user_id");
                        long amount = row.getLong("amount_fen");
                        entries.add(JournalEntry.of(Movement.RELEASE, depositId, depositId, lotId, userId, amount,
                                reason, eventId, now));
                        refunds.add(new RefundRows.Due(row.getString("payment_id"), depositId, lotId, userId,
                                amount, RefundRows.RELEASED));
                        events.add(new DepositReleased(depositId, lotId, userId, reason, now));
                    }
                    return journal.book(connection, entries)
                            .chain(() -> RefundRows.queue(connection, refunds, now))
                            .chain(() -> outbox.stage(connection, events, now))
                            .replaceWith(released.size());
                });
    }
}
