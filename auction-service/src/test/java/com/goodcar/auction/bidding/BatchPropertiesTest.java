package com.goodcar.auction.bidding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.auction.log.BidLogChain;
import com.goodcar.auction.log.BidLogVerifier;
import com.goodcar.auction.log.LogEntry;
import com.goodcar.auction.lot.Lot;
import com.goodcar.auction.lot.LotRules;
import com.goodcar.auction.lot.LotStatus;
import com.goodcar.contracts.IntegrationEvent;
import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.contracts.auction.AuctionExtended;
import com.goodcar.contracts.auction.AuctionPriceChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A lot's batches decided one after another, as its writer does, with random bids, pauses, soft
 * closes, cancels and the end passing: what each batch says it committed is what its log replays
 * to, and its events say exactly what changed.
 */
class BatchPropertiesTest {

    private static final Instant OPENS = Instant.parse("2026-10-22T02:00:00Z");
    private static final Instant ENDS = OPENS.plus(Duration.ofMinutes(10));
    private static final String SALT = "0123456789abcdef";

    /** One batch: its bids, how long after the previous one it runs, whether an operator cancels. */
    record Step(List<Batch.Request> requests, long secondsLater, boolean cancel) {
    }

    @Provide
    Arbitrary<List<Step>> batches() {
        Arbitrary<Batch.Request> request = Combinators.combine(
                Arbitraries.of("b1", "b2", "b3", "b4", "b5"),
                Arbitraries.oneOf(Arbitraries.longs().between(1, 3_000_000),
                        Arbitraries.longs().between(1, 30).map(k -> k * 10_000)),
                Arbitraries.of(true, true, true, false))
                .as((bidder, max, deposit) -> new Batch.Request(bidder, max, UUID.randomUUID().toString(), deposit));
        Arbitrary<Step> step = Combinators.combine(request.list().ofMaxSize(6),
                Arbitraries.longs().between(0, 90), Arbitraries.integers().between(1, 40).map(n -> n == 1))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 300)
    void whatABatchCommitsItsLogReplaysAndItsEventsSay(@ForAll("batches") List<Step> steps) {
        Lot lot = Lot.schedule("lot-1", "AION-UT-SUPER-NGC001", LotRules.standard(), OPENS, ENDS);
        var record = new LotRecord(lot, "No. 001", BidLogChain.genesis("lot-1"), SALT, 1, null, ENDS, false);
        var codes = new BidderCodes(SALT);
        List<LogEntry> log = new ArrayList<>();
        Instant now = OPENS.minusSeconds(30);
        for (Step step : steps) {
            now = now.plusSeconds(step.secondsLater());
            var decision = Batch.decide(record, step.requests(), step.cancel(), now, codes::of);
            Lot before = record.lot();
            Lot after = decision.next().lot();

            assertEquals(step.requests().size(), decision.answers().size());
            for (int i = 0; i < step.requests().size(); i++) {
                assertSame(step.requests().get(i), decision.answers().get(i).request(), "answers in request order");
            }
            long accepted = decision.answers().stream().filter(a -> a.refusal() == null).count();
            assertEquals(accepted, decision.rows().size(), "one log row per accepted bid");
            assertEquals(before.bidCount() + accepted, after.bidCount());
            decision.rows().forEach(row -> log.add(row.entry()));

            List<IntegrationEvent> events = decision.events();
            assertEquals(!decision.rows().isEmpty(), has(events, AuctionPriceChanged.class), "a price change iff a bid");
            assertEquals(after.endsAt().isAfter(before.endsAt()), has(events, AuctionExtended.class), "extended iff later");
            boolean closedNow = !before.status().isFinal() && after.status().isFinal();
            assertEquals(closedNow, has(events, AuctionClosed.class), "closed once, when it became final");
            assertTrue(events.stream().filter(AuctionClosed.class::isInstance).count() <= 1);
            if (step.cancel() && !before.statusAt(now).isFinal()) {
                assertEquals(LotStatus.CANCELLED, after.status());
            }
            if (before.status().isFinal()) {
                assertEquals(before.status(), after.status(), "a final lot stays as it is");
                assertTrue(decision.rows().isEmpty());
            }
            if (!decision.changed()) {
                assertEquals(record, decision.next());
                assertTrue(events.isEmpty());
            }
            record = decision.next();
        }

        var replay = BidLogVerifier.verifyAndReplay("lot-1", LotRules.standard(), OPENS, ENDS, log, SALT);
        assertTrue(replay.valid(), replay.toString());
        if (log.isEmpty()) {
            assertNull(record.lot().leader());
        } else {
            assertEquals(record.lot().priceFen(), replay.finalPriceFen(), "the log replays to the committed price");
            assertEquals(record.lastHash(), log.getLast().hash(), "the committed hash is the log's head");
            assertEquals(codes.of(record.lot().leader().bidderId()), log.getLast().leaderCode());
        }
    }

    private static boolean has(List<IntegrationEvent> events, Class<?> type) {
        return events.stream().anyMatch(type::isInstance);
    }
}
