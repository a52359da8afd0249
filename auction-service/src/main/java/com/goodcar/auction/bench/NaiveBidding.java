package com.goodcar.auction.bench;

import com.goodcar.auction.bidding.BidAnswer;
import com.goodcar.auction.bidding.BidAnswer.AcceptedBid;
import com.goodcar.auction.bidding.BidderCodes;
import com.goodcar.auction.bidding.LotRecord;
import com.goodcar.auction.bidding.LotStore;
import com.goodcar.auction.bidding.BidRow;
import com.goodcar.auction.log.BidLogChain;
import com.goodcar.auction.log.LogEntry;
import com.goodcar.auction.lot.Auctioneer;
import com.goodcar.auction.lot.Bid;
import com.goodcar.auction.lot.BidOutcome;
import com.goodcar.auction.lot.Lot;
import com.goodcar.contracts.IntegrationEvent;
import com.goodcar.contracts.auction.AuctionExtended;
import com.goodcar.contracts.auction.AuctionPriceChanged;
import com.goodcar.kit.outbox.Outbox;
import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The design the single writer replaces, kept to measure it against: every bid is one transaction
 * that locks the lot row ({@code SELECT … FOR UPDATE}), decides, writes and commits, so bids on a
 * hot lot queue on that lock one commit at a time. Same rules, same log, same events; only for a
 * lot taken over from the writers ({@link #OWNER}).
 */
@ApplicationScoped
public class NaiveBidding {

    static final String OWNER = "naive-bench";

    private final Pool pool;
    private final Outbox outbox;
    private final Clock clock;

    NaiveBidding(Pool pool, Outbox outbox, Clock clock) {
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
    }

    Uni<BidAnswer> place(String lotId, String bidderId, long maxFen, String key) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(connection -> connection
                .preparedQuery("select * from lot where id = $1 for update").execute(Tuple.of(lotId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Lot", lotId);
                    }
                    Row row = rows.iterator().next();
                    if (!OWNER.equals(row.getString("owner_instance"))) {
                        throw new ProblemException(Problem.of(409, "not-taken-over", "Not taken over",
                                "PUT /bench/naive/auctions/" + lotId + "/takeover first."));
                    }
                    LotRecord record = LotStore.record(row);
                    return connection.preparedQuery(
                                    "select * from bid where lot_id = $1 and bidder_id = $2 and idempotency_key = $3")
                            .execute(Tuple.of(lotId, bidderId, key))
                            .chain(earlier -> earlier.size() > 0
                                    ? Uni.createFrom().item(LotStore.acceptedAnswer(earlier.iterator().next(),
                                            record.lot().rules().ladder()))
                                    : decide(connection, record, bidderId, maxFen, key, now));
                }));
    }

    private Uni<BidAnswer> decide(SqlConnection connection, LotRecord record, String bidderId, long maxFen,
                                  String key, Instant now) {
        Lot lot = record.lot();
        return connection.preparedQuery("select active from deposit_hold where lot_id = $1 and user_id = $2")
                .execute(Tuple.of(lot.id(), bidderId))
                .chain(hold -> {
                    boolean deposit = hold.size() > 0 && hold.iterator().next().getBoolean(0);
                    var outcome = Auctioneer.place(lot, new Bid(bidderId, maxFen, deposit), now);
                    if (!(outcome instanceof BidOutcome.Accepted a)) {
                        return Uni.createFrom().item(BidAnswer.rejected(lot.id(), (BidOutcome.Rejected) outcome));
                    }
                    var codes = new BidderCodes(record.salt());
                    String code = codes.of(bidderId);
                    String leaderCode = codes.of(a.leader().bidderId());
                    LogEntry entry = BidLogChain.append(record.lastHash(), a.seq(), lot.id(), a.at(), code,
                            record.salt(), maxFen, a.priceFen(), leaderCode, a.endsAt());
                    Lot after = lot.after(a);
                    var next = new LotRecord(after, record.title(), entry.hash(), record.salt(), record.epoch(),
                            record.closedAt(), record.scheduledEndsAt(), record.secondChance());
                    List<IntegrationEvent> events = new ArrayList<>();
                    events.add(new AuctionPriceChanged(lot.id(), after.priceFen(), leaderCode, after.bidCount(),
                            after.lastSeq(), after.endsAt(), now));
                    if (after.endsAt().isAfter(lot.endsAt())) {
                        events.add(new AuctionExtended(lot.id(), lot.endsAt(), after.endsAt()));
                    }
                    var answer = BidAnswer.accepted(new AcceptedBid(lot.id(), a.seq(), code, maxFen, a.priceFen(),
                            a.leading(), a.priceFen() + lot.rules().ladder().incrementAt(a.priceFen()), a.endsAt(),
                            entry.hash()));
                    return LotStore.save(connection, next, after.endsAt().plus(Duration.ofDays(1)))
                            .chain(() -> LotStore.insert(connection, List.of(new BidRow(entry, bidderId, key))))
                            .chain(() -> outbox.stage(connection, events, now))
                            .replaceWith(answer);
                });
    }

    /** Takes an open lot away from the writers until {@link #release}; stops this instance's writer of it. */
    Uni<Boolean> takeOver(String lotId) {
        return pool.preparedQuery("""
                        update lot set owner_instance = $2, owner_epoch = owner_epoch + 1,
                            lease_until = ends_at + interval '1 day'
                        where id = $1 and status in ('SCHEDULED', 'OPEN')""")
                .execute(Tuple.of(lotId, OWNER)).map(rows -> rows.rowCount() == 1);
    }

    /** Hands the lot back: the next writer rebuilds it from the rows the naive path wrote. */
    Uni<Boolean> release(String lotId) {
        return pool.preparedQuery("""
                        update lot set owner_instance = null, lease_until = null where id = $1 and owner_instance = $2""")
                .execute(Tuple.of(lotId, OWNER)).map(rows -> rows.rowCount() == 1);
    }
}
