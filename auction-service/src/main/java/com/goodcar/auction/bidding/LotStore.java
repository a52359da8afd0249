package com.goodcar.auction.bidding;

import com.goodcar.auction.log.LogEntry;
import com.goodcar.auction.lot.IncrementLadder;
import com.goodcar.auction.lot.Ladders;
import com.goodcar.auction.lot.Leader;
import com.goodcar.auction.lot.Lot;
import com.goodcar.auction.lot.LotRules;
import com.goodcar.auction.lot.LotStatus;
import com.goodcar.contracts.IntegrationEvent;
import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.kit.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Collection;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The lot's rows: the writer's only I/O. Its batches commit over JDBC, on the writer's own virtual
 * thread; with the reactive client, each of a commit's five round trips waited its turn on an event
 * loop busy with thousands of HTTP requests, and every bid waiting for the batch waited with it.
 */
@ApplicationScoped
public class LotStore {

    static final Duration IO_TIMEOUT = Duration.ofSeconds(10);

    private static final String CLAIM = """
            update lot set owner_instance = $2, owner_epoch = owner_epoch + 1, lease_until = $3, owner_url = $4
            where id = $1 and (owner_instance is null or owner_instance = $2 or lease_until < now())
            returning *""";
    private static final String SAVE = """
            update lot set status = $3, ends_at = $4, price_fen = $5, leader_id = $6, leader_max_fen = $7,
                bid_count = $8, last_seq = $9, last_hash = $10, lease_until = $11, closed_at = $12
            where id = $1 and owner_epoch = $2""";
    private static final String INSERT_BID = """
            insert into bid (lot_id, seq, at, bidder_id, bidder_code, max_fen, price_fen, leader_code, ends_at,
                             max_digest, prev_hash, hash, idempotency_key)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)""";

    // the writer's JDBC forms of SAVE and INSERT_BID, their parameters in the order of saveValues/bidValues
    private static final String SAVE_JDBC = """
            update lot set status = ?, ends_at = ?, price_fen = ?, leader_id = ?, leader_max_fen = ?,
                bid_count = ?, last_seq = ?, last_hash = ?, lease_until = ?, closed_at = ?
            where id = ? and owner_epoch = ?""";
    private static final String INSERT_BID_JDBC = """
            insert into bid (lot_id, seq, at, bidder_id, bidder_code, max_fen, price_fen, leader_code, ends_at,
                             max_digest, prev_hash, hash, idempotency_key)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Pool pool;
    private final DataSource jdbc;
    private static final String RUNNER_UP = """
            select bidder_id, max(max_fen) from bid where lot_id = ? and bidder_id <> ?
            group by bidder_id order by max(max_fen) desc, min(seq) limit 1""";

    private final Outbox outbox;

    LotStore(Pool pool, DataSource jdbc, Outbox outbox) {
        this.pool = pool;
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** Takes the lot for this instance unless another holds a live lease; empty if the lot is unknown or taken. */
    Optional<LotRecord> claim(String lotId, String instance, String url, Instant leaseUntil) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(lotId, instance, utc(leaseUntil), url))
                .map(rows -> rows.size() == 0 ? Optional.<LotRecord>empty() : Optional.of(record(rows.iterator().next())))
                .await().atMost(IO_TIMEOUT);
    }

    /** The lot as last committed, without claiming it: for reads on any instance. */
    Uni<Optional<LotRecord>> find(String lotId) {
        return pool.preparedQuery("select * from lot where id = $1").execute(Tuple.of(lotId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(record(rows.iterator().next())));
    }

    /** When the lot's bid {@code seq} was decided by its writer, if there is such a bid. */
    Uni<Optional<Instant>> bidAt(String lotId, long seq) {
        return pool.preparedQuery("select at from bid where lot_id = $1 and seq = $2").execute(Tuple.of(lotId, seq))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next().getOffsetDateTime(0).toInstant()));
    }

    /** Gives the lease up (a writer stopping on purpose): another instance may claim the lot at once. */
    void release(String lotId, String instance, long epoch) {
        pool.preparedQuery("update lot set lease_until = now() where id = $1 and owner_instance = $2 and owner_epoch = $3")
                .execute(Tuple.of(lotId, instance, epoch)).await().atMost(IO_TIMEOUT);
    }

    /** Where another instance writing the lot under a live lease listens, if one does. */
    Uni<Optional<String>> ownerElsewhere(String lotId, String instance) {
        return pool.preparedQuery("""
                        select owner_url from lot where id = $1 and owner_instance <> $2 and lease_until > now()
                        and owner_url is not null""")
                .execute(Tuple.of(lotId, instance))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    /** Which of these bidders hold a deposit on the lot now (a hold another instance heard of). */
    Set<String> holding(String lotId, Collection<String> bidders) {
        return pool.preparedQuery("select user_id from deposit_hold where lot_id = $1 and user_id = any($2) and active")
                .execute(Tuple.of(lotId, bidders.toArray(String[]::new)))
                .map(rows -> {
                    var holding = new HashSet<String>();
                    rows.forEach(row -> holding.add(row.getString(0)));
                    return holding;
                }).await().atMost(IO_TIMEOUT);
    }

    boolean exists(String lotId) {
        return pool.preparedQuery("select 1 from lot where id = $1").execute(Tuple.of(lotId))
                .map(rows -> rows.size() > 0).await().atMost(IO_TIMEOUT);
    }

    Set<String> holders(String lotId) {
        return pool.preparedQuery("select user_id from deposit_hold where lot_id = $1 and active")
                .execute(Tuple.of(lotId))
                .map(rows -> {
                    var holders = new HashSet<String>();
                    rows.forEach(row -> holders.add(row.getString(0)));
                    return holders;
                }).await().atMost(IO_TIMEOUT);
    }

    /** The answers already given to accepted bids, by bidder and Idempotency-Key. */
    Map<String, BidAnswer> answered(String lotId, IncrementLadder ladder) {
        return pool.preparedQuery("select * from bid where lot_id = $1 and idempotency_key is not null")
                .execute(Tuple.of(lotId))
                .map(rows -> {
                    var answers = new HashMap<String, BidAnswer>();
                    for (Row row : rows) {
                        answers.put(AnswerMemory.key(row.getString("bidder_id"), row.getString("idempotency_key")),
                                acceptedAnswer(row, ladder));
                    }
                    return answers;
                }).await().atMost(IO_TIMEOUT);
    }

    /** The 201 answer an accepted bid got, rebuilt from its row: what a retry with its key gets again. */
    public static BidAnswer acceptedAnswer(Row bid, IncrementLadder ladder) {
        long price = bid.getLong("price_fen");
        return BidAnswer.accepted(new BidAnswer.AcceptedBid(bid.getString("lot_id"), bid.getLong("seq"),
                bid.getString("bidder_code"), bid.getLong("max_fen"), price,
                bid.getString("leader_code").equals(bid.getString("bidder_code")), price + ladder.incrementAt(price),
                bid.getOffsetDateTime("ends_at").toInstant(), bid.getString("hash")));
    }

    /**
     * Makes a batch durable in one transaction: the lot row (fenced by the epoch), its new bids and
     * its events. Returns false if another writer has taken the lot since.
     */
    boolean commit(LotRecord record, Instant leaseUntil, List<BidRow> bids, List<? extends IntegrationEvent> events,
                   Instant now) {
        try (Connection connection = jdbc.getConnection()) {
            connection.setAutoCommit(false);
            try {
                boolean saved = executeSave(connection, record, leaseUntil);
                if (saved) {
                    executeInsert(connection, bids);
                    outbox.stage(connection, withRunnerUp(connection, record, events), now);
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return saved;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lot " + record.lot().id() + ": the batch did not commit: " + e.getMessage(), e);
        }
    }

    /**
     * A sale under the second-chance rule names its runner-up: the best maximum of the other bidders
     * (the earlier bid on a tie), if it meets the reserve. Asked once per lot, at its close, from the bids just written.
     */
    private static List<? extends IntegrationEvent> withRunnerUp(Connection connection, LotRecord record,
                                                                 List<? extends IntegrationEvent> events)
            throws SQLException {
        if (!record.secondChance()) {
            return events;
        }
        var named = new ArrayList<IntegrationEvent>(events.size());
        for (IntegrationEvent event : events) {
            if (event instanceof AuctionClosed closed && "SOLD".equals(closed.result())) {
                try (PreparedStatement query = connection.prepareStatement(RUNNER_UP)) {
                    query.setString(1, closed.lotId());
                    query.setString(2, closed.winnerUserId());
                    try (var found = query.executeQuery()) {
                        // below the seller's reserve nobody is offered the car: that hold is released at the close
                        boolean worthOffering = found.next()
                                && found.getLong(2) >= record.lot().rules().reservePriceFen();
                        named.add(worthOffering ? closed.withRunnerUp(found.getString(1), found.getLong(2)) : closed);
                    }
                }
            } else {
                named.add(event);
            }
        }
        return named;
    }

    private static boolean executeSave(Connection connection, LotRecord record, Instant leaseUntil) throws SQLException {
        try (PreparedStatement save = connection.prepareStatement(SAVE_JDBC)) {
            List<Object> values = saveValues(record, leaseUntil);
            // the WHERE's id and epoch come first in the reactive form, last in this one
            bind(save, values.subList(2, values.size()), 0);
            bind(save, values.subList(0, 2), values.size() - 2);
            return save.executeUpdate() == 1;
        }
    }

    private static void executeInsert(Connection connection, List<BidRow> bids) throws SQLException {
        if (bids.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_BID_JDBC)) {
            for (BidRow bid : bids) {
                bind(insert, bidValues(bid), 0);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, List<Object> values, int offset) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                statement.setNull(offset + i + 1, Types.NULL);
            } else {
                statement.setObject(offset + i + 1, value);
            }
        }
    }

    /** Writes the lot row on the caller's transaction if its epoch still matches; false if it does not. */
    public static Uni<Boolean> save(SqlConnection connection, LotRecord record, Instant leaseUntil) {
        return connection.preparedQuery(SAVE).execute(Tuple.from(saveValues(record, leaseUntil)))
                .map(saved -> saved.rowCount() == 1);
    }

    /** SAVE's parameters, $1 to $12. */
    private static List<Object> saveValues(LotRecord record, Instant leaseUntil) {
        Lot lot = record.lot();
        Leader leader = lot.leader();
        return java.util.Arrays.asList(lot.id(), record.epoch(), lot.status().name(), utc(lot.endsAt()),
                lot.priceFen(), leader == null ? null : leader.bidderId(), leader == null ? null : leader.maxFen(),
                lot.bidCount(), lot.lastSeq(), record.lastHash(), leaseUntil == null ? null : utc(leaseUntil),
                record.closedAt() == null ? null : utc(record.closedAt()));
    }

    /** Appends accepted bids to the log on the caller's transaction. */
    public static Uni<Void> insert(SqlConnection connection, List<BidRow> bids) {
        if (bids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(INSERT_BID)
                .executeBatch(bids.stream().map(bid -> Tuple.from(bidValues(bid))).toList())
                .replaceWithVoid();
    }

    /** INSERT_BID's parameters, in order. */
    private static List<Object> bidValues(BidRow row) {
        LogEntry e = row.entry();
        return java.util.Arrays.asList(e.lotId(), e.seq(), utc(e.at()), row.bidderId(), e.bidderCode(), e.maxFen(),
                e.priceFen(), e.leaderCode(), utc(e.endsAt()), e.maxDigest(), e.prevHash(), e.hash(),
                row.idempotencyKey());
    }

    public static LotRecord record(Row row) {
        var rules = new LotRules(row.getLong("start_price_fen"), row.getLong("reserve_price_fen"),
                row.getLong("deposit_fen"), Ladders.parse(row.getString("ladder")),
                Duration.ofSeconds(row.getInteger("soft_close_seconds")), row.getLong("max_price_fen"),
                row.getLong("max_raise_fen"));
        String leaderId = row.getString("leader_id");
        var lot = new Lot(row.getString("id"), row.getString("edition_code"), rules,
                LotStatus.valueOf(row.getString("status")), instant(row, "opens_at"), instant(row, "ends_at"),
                row.getLong("price_fen"), leaderId == null ? null : new Leader(leaderId, row.getLong("leader_max_fen")),
                row.getLong("bid_count"), row.getLong("last_seq"));
        return new LotRecord(lot, row.getString("title"), row.getString("last_hash"), row.getString("salt"),
                row.getLong("owner_epoch"), row.getOffsetDateTime("closed_at") == null ? null : instant(row, "closed_at"),
                instant(row, "scheduled_ends_at"), row.getBoolean("second_chance"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        return row.getOffsetDateTime(column).toInstant();
    }
}
