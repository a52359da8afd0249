package com.goodcar.auction.scheduling;

import com.goodcar.auction.log.BidLogChain;
import com.goodcar.auction.lot.IncrementLadder;
import com.goodcar.auction.lot.Ladders;
import com.goodcar.auction.lot.LotRules;
import com.goodcar.contracts.auction.AuctionScheduled;
import com.goodcar.kit.outbox.Outbox;
import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Puts lots up for auction: the lot row and auction.scheduled.v1 commit together. */
@ApplicationScoped
public class LotScheduling {

    private static final String INSERT = """
            insert into lot (id, edition_code, title, start_price_fen, reserve_price_fen, deposit_fen, ladder,
                             soft_close_seconds, opens_at, ends_at, scheduled_ends_at, status, price_fen, last_hash,
                             salt, created_at, create_key, max_price_fen, max_raise_fen, second_chance)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, 'SCHEDULED', $4, $11, $12, $13, $14, $15, $16, $17)
            on conflict (create_key) do nothing""";

    /** a lot may be scheduled as already open, but not as having opened long ago */
    private static final Duration EARLIEST_OPENING = Duration.ofDays(1);
    private static final Duration LATEST_END = Duration.ofDays(366);

    private final SecureRandom random = new SecureRandom();
    private final Pool pool;
    private final Outbox outbox;
    private final Clock clock;

    LotScheduling(Pool pool, Outbox outbox, Clock clock) {
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return the lot's id and whether this call created it (false: the same key created it before) */
    public Uni<Scheduled> schedule(NewLot submitted, String idempotencyKey) {
        Instant now = clock.instant();
        NewLot draft = atMicros(submitted);
        LotRules rules = rules(draft);
        if (!draft.endsAt().isAfter(draft.opensAt())) {
            throw ProblemException.invalid("bad-schedule", "Bad schedule", "endsAt must be after opensAt.");
        }
        if (!draft.endsAt().isAfter(now)) {
            throw ProblemException.invalid("bad-schedule", "Bad schedule", "endsAt must be in the future.");
        }
        if (draft.opensAt().isBefore(now.minus(EARLIEST_OPENING)) || draft.endsAt().isAfter(now.plus(LATEST_END))) {
            throw ProblemException.invalid("bad-schedule", "Bad schedule", "A lot opens at most " 
                    + EARLIEST_OPENING.toDays() + " day before it is scheduled and ends within "
                    + LATEST_END.toDays() + " days of it.");
        }
        String id = UUID.randomUUID().toString();
        byte[] salt = new byte[24];
        random.nextBytes(salt);
        var args = Tuple.from(List.of(id, draft.editionCode(), draft.title().strip(), rules.startPriceFen(),
                rules.reservePriceFen(), rules.depositFen(), Ladders.format(rules.ladder()),
                (int) rules.softClose().toSeconds(), draft.opensAt().atOffset(ZoneOffset.UTC),
                draft.endsAt().atOffset(ZoneOffset.UTC), BidLogChain.genesis(id), HexFormat.of().formatHex(salt),
                now.atOffset(ZoneOffset.UTC)));
        args.addValue(idempotencyKey);
        args.addValue(rules.maxPriceFen());
        args.addValue(rules.maxRaiseFen());
        boolean secondChance = Boolean.TRUE.equals(draft.secondChance());
        args.addValue(secondChance);
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT).execute(args).chain(rows -> {
            if (rows.rowCount() == 0) {
                return connection.preparedQuery("select id from lot where create_key = $1")
                        .execute(Tuple.of(idempotencyKey))
                        .map(existing -> new Scheduled(existing.iterator().next().getString(0), false));
            }
            var event = new AuctionScheduled(id, draft.editionCode(), draft.title().strip(), rules.startPriceFen(),
                    rules.depositFen(), draft.opensAt(), draft.endsAt(), secondChance);
            return outbox.stage(connection, List.of(event), now).replaceWith(new Scheduled(id, true));
        }));
    }

    /** PostgreSQL keeps microseconds; the log's hashes cover these instants. */
    private static NewLot atMicros(NewLot d) {
        return new NewLot(d.editionCode(), d.title(), d.opensAt().truncatedTo(ChronoUnit.MICROS),
                d.endsAt().truncatedTo(ChronoUnit.MICROS), d.startPriceFen(), d.reservePriceFen(), d.depositFen(),
                d.softCloseSeconds(), d.ladder(), d.maxPriceFen(), d.maxRaiseFen(), d.secondChance());
    }

    private static LotRules rules(NewLot draft) {
        try {
            var ladder = draft.ladder() == null ? IncrementLadder.standard()
                    : new IncrementLadder(draft.ladder().stream()
                            .map(b -> new IncrementLadder.Band(b.fromFen(), b.incrementFen())).toList());
            return new LotRules(
                    draft.startPriceFen() == null ? LotRules.DEFAULT_START_FEN : draft.startPriceFen(),
                    draft.reservePriceFen() == null ? 0 : draft.reservePriceFen(),
                    draft.depositFen() == null ? LotRules.DEFAULT_DEPOSIT_FEN : draft.depositFen(),
                    ladder,
                    draft.softCloseSeconds() == null ? LotRules.DEFAULT_SOFT_CLOSE
                            : Duration.ofSeconds(draft.softCloseSeconds()),
                    draft.maxPriceFen() == null ? LotRules.DEFAULT_MAX_PRICE_FEN : draft.maxPriceFen(),
                    draft.maxRaiseFen() == null ? 0 : draft.maxRaiseFen());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("bad-rules", "Bad auction rules", e.getMessage());
        }
    }

    public record Scheduled(String lotId, boolean created) {
    }
}
