package com.goodcar.auction.lot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.auction.lot.BidOutcome.Accepted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The invariants of the auction, over random rushes of bids arriving in random batches. */
class AuctioneerPropertiesTest {

    private static final Instant OPENS = Instant.parse("2026-10-22T02:00:00Z");
    private static final Instant ENDS = OPENS.plus(Duration.ofHours(4));

    @Provide
    Arbitrary<List<List<Bid>>> rush() {
        Arbitrary<Bid> bid = Combinators.combine(
                Arbitraries.of("b1", "b2", "b3", "b4", "b5", "b6"),
                Arbitraries.oneOf(Arbitraries.longs().between(1, 5_000_000),
                        // few distinct maxima: ties, the case fairness is about
                        Arbitraries.longs().between(1, 40).map(k -> k * 10_000)),
                Arbitraries.of(true, true, true, false))
                .as(Bid::new);
        return bid.list().ofMinSize(1).ofMaxSize(8).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 300)
    void priceNeverDecreasesAndEveryAcceptedBidRespectsTheLadder(@ForAll("rush") List<List<Bid>> batches) {
        Lot lot = openLot();
        Instant now = OPENS.plusSeconds(60);
        for (List<Bid> batch : batches) {
            Lot before = lot;
            var round = Auctioneer.placeAll(lot, batch, now);
            Lot cursor = before;
            for (var placed : round.outcomes()) {
                if (placed.outcome() instanceof Accepted a) {
                    boolean raisingOwnMax = cursor.isLeader(a.bid().bidderId());
                    assertTrue(raisingOwnMax || a.bid().maxFen() >= cursor.minimumNextBidFen(),
                            "accepted below the ladder: " + a + " on " + cursor);
                    assertTrue(a.priceFen() >= cursor.priceFen(), "price went down: " + a + " on " + cursor);
                    assertTrue(a.priceFen() <= a.leader().maxFen(), "the leader pays more than their maximum: " + a);
                    cursor = cursor.after(a);
                }
            }
            lot = round.lot();
            assertEquals(cursor, lot);
            now = now.plusSeconds(1);
        }
    }

    @Property(tries = 300)
    void theLeaderHoldsTheHighestAcceptedMaximumAndTheEarliestOnTies(@ForAll("rush") List<List<Bid>> batches) {
        Lot lot = openLot();
        Instant now = OPENS.plusSeconds(60);
        List<Bid> accepted = new ArrayList<>();
        for (List<Bid> batch : batches) {
            var round = Auctioneer.placeAll(lot, batch, now);
            round.outcomes().stream().filter(p -> p.outcome() instanceof Accepted).forEach(p -> accepted.add(p.bid()));
            lot = round.lot();
            now = now.plusSeconds(1);
        }
        if (accepted.isEmpty()) {
            assertEquals(null, lot.leader());
            return;
        }
        long highest = accepted.stream().mapToLong(Bid::maxFen).max().orElseThrow();
        Bid firstAtHighest = accepted.stream().filter(b -> b.maxFen() == highest).findFirst().orElseThrow();
        assertEquals(highest, lot.leader().maxFen());
        assertEquals(firstAtHighest.bidderId(), lot.leader().bidderId());
    }

    @Property(tries = 300)
    void arrivalOrderMattersOnlyBetweenEqualMaxima(@ForAll("rush") List<List<Bid>> batches, @ForAll long seed) {
        Lot asArrived = openLot();
        Lot shuffled = openLot();
        Instant now = OPENS.plusSeconds(60);
        Random random = new Random(seed);
        for (List<Bid> batch : batches) {
            asArrived = Auctioneer.placeAll(asArrived, batch, now).lot();
            shuffled = Auctioneer.placeAll(shuffled, shuffleKeepingTies(batch, random), now).lot();
            now = now.plusSeconds(1);
        }
        assertEquals(asArrived, shuffled);
    }

    /** Any order of the batch in which bids of equal maxima keep their relative order. */
    private static List<Bid> shuffleKeepingTies(List<Bid> batch, Random random) {
        var order = new ArrayList<>(batch);
        Collections.shuffle(order, random);
        var byMax = new java.util.HashMap<Long, java.util.ArrayDeque<Bid>>();
        batch.forEach(b -> byMax.computeIfAbsent(b.maxFen(), k -> new java.util.ArrayDeque<>()).add(b));
        return order.stream().map(b -> byMax.get(b.maxFen()).poll()).toList();
    }

    @Property(tries = 300)
    void replayingTheAcceptedBidsOneByOneGivesTheSameLot(@ForAll("rush") List<List<Bid>> batches) {
        Lot live = openLot();
        Lot replayed = openLot();
        Instant now = OPENS.plusSeconds(60);
        for (List<Bid> batch : batches) {
            var round = Auctioneer.placeAll(live, batch, now);
            for (var placed : round.outcomes()) {
                if (placed.outcome() instanceof Accepted) {
                    replayed = Auctioneer.placeAll(replayed, List.of(placed.bid()), now).lot();
                }
            }
            live = round.lot();
            now = now.plusSeconds(1);
        }
        assertEquals(live, replayed);
    }

    private static Lot openLot() {
        return Lot.schedule("lot-1", "AION-UT-SUPER-NGC001", LotRules.standard(), OPENS, ENDS);
    }
}
