package com.goodcar.auction.lot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.goodcar.auction.lot.BidOutcome.Accepted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Ties go to the earlier bid, never to a bidder: renaming the bidders of a rush (so that ids sort
 * differently) never changes which bid leads, what the price is, or what a replay of the accepted
 * bids gives.
 */
class FairTiesPropertiesTest {

    private static final Instant OPENS = Instant.parse("2026-10-22T02:00:00Z");
    private static final Instant ENDS = OPENS.plus(Duration.ofHours(4));
    private static final List<String> BIDDERS = IntStream.range(0, 8).mapToObj(i -> "bidder-" + i).toList();

    @Provide
    Arbitrary<List<List<Bid>>> tiedRush() {
        Arbitrary<Bid> bid = Combinators.combine(
                Arbitraries.of(BIDDERS),
                // a handful of maxima, so many bids tie
                Arbitraries.longs().between(1, 12).map(k -> k * 5_000),
                Arbitraries.just(true))
                .as(Bid::new);
        return bid.list().ofMinSize(2).ofMaxSize(10).list().ofMinSize(1).ofMaxSize(20);
    }

    @Property(tries = 500)
    void renamingTheBiddersNeverChangesWhoWinsATie(@ForAll("tiedRush") List<List<Bid>> batches, @ForAll long seed) {
        Map<String, String> rename = permutation(seed);
        Lot original = openLot();
        Lot renamed = openLot();
        Instant now = OPENS.plusSeconds(60);
        for (List<Bid> batch : batches) {
            var asPlaced = Auctioneer.placeAll(original, batch, now);
            var asRenamed = Auctioneer.placeAll(renamed,
                    batch.stream().map(b -> new Bid(rename.get(b.bidderId()), b.maxFen(), b.hasDeposit())).toList(), now);
            assertEquals(asPlaced.outcomes().size(), asRenamed.outcomes().size());
            for (int i = 0; i < asPlaced.outcomes().size(); i++) {
                var placed = asPlaced.outcomes().get(i);
                var other = asRenamed.outcomes().get(i);
                assertEquals(rename.get(placed.bid().bidderId()), other.bid().bidderId(), "applied in another order");
                assertEquals(placed.outcome() instanceof Accepted, other.outcome() instanceof Accepted);
                if (placed.outcome() instanceof Accepted a && other.outcome() instanceof Accepted b) {
                    assertEquals(a.priceFen(), b.priceFen());
                    assertEquals(rename.get(a.leader().bidderId()), b.leader().bidderId(), "the tie went elsewhere");
                }
            }
            original = asPlaced.lot();
            renamed = asRenamed.lot();
            now = now.plusSeconds(1);
        }
        assertEquals(original.priceFen(), renamed.priceFen());
        assertEquals(original.leader() == null ? null : rename.get(original.leader().bidderId()),
                renamed.leader() == null ? null : renamed.leader().bidderId());
    }

    @Property(tries = 300)
    void theEarliestOfTheHighestMaximaLeadsAndTheLogReplaysToIt(@ForAll("tiedRush") List<List<Bid>> batches) {
        Lot live = openLot();
        Lot replayed = openLot();
        Instant now = OPENS.plusSeconds(60);
        var arrived = new ArrayList<Bid>();
        for (List<Bid> batch : batches) {
            arrived.addAll(batch);
            var round = Auctioneer.placeAll(live, batch, now);
            for (var placed : round.outcomes()) {
                if (placed.outcome() instanceof Accepted) {
                    // the log: accepted bids in sequence, replayed one by one
                    replayed = Auctioneer.placeAll(replayed, List.of(placed.bid()), now).lot();
                }
            }
            live = round.lot();
            now = now.plusSeconds(1);
        }
        assertEquals(live, replayed);
        long highest = arrived.stream().mapToLong(Bid::maxFen).max().orElseThrow();
        // a later bid at the same maximum never displaces an earlier one, whichever batch it came in
        String earliest = arrived.stream().filter(b -> b.maxFen() == highest).findFirst().orElseThrow().bidderId();
        if (live.leader() != null && live.leader().maxFen() == highest) {
            assertEquals(earliest, live.leader().bidderId());
        }
    }

    private static Map<String, String> permutation(long seed) {
        var shuffled = new ArrayList<>(BIDDERS);
        Collections.shuffle(shuffled, new Random(seed));
        var rename = new HashMap<String, String>();
        for (int i = 0; i < BIDDERS.size(); i++) {
            rename.put(BIDDERS.get(i), shuffled.get(i));
        }
        return rename;
    }

    private static Lot openLot() {
        return Lot.schedule("lot-1", "AION-UT-SUPER-NGC001", LotRules.standard(), OPENS, ENDS);
    }
}
