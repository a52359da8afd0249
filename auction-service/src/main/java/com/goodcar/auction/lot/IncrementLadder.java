package com.goodcar.auction.lot;

import java.util.Comparator;
import java.util.List;

/**
 * The minimum raise at each price: bands of {@code fromFen → incrementFen}, the first starting at 0.
 * The default follows the seed auction, which climbed from 1 yuan to 78 million: small steps while
 * the price is small, larger ones as it grows.
 */
public record IncrementLadder(List<Band> bands) {

    public record Band(long fromFen, long incrementFen) {
        public Band {
            if (fromFen < 0 || incrementFen <= 0) {
                throw new IllegalArgumentException("a band starts at 0 fen or more and raises by at least 1 fen");
            }
        }
    }

    public IncrementLadder {
        bands = bands.stream().sorted(Comparator.comparingLong(Band::fromFen)).toList();
        if (bands.isEmpty() || bands.getFirst().fromFen() != 0) {
            throw new IllegalArgumentException("the ladder's first band must start at 0 fen");
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).fromFen() == bands.get(i - 1).fromFen()) {
                throw new IllegalArgumentException("two bands start at " + bands.get(i).fromFen() + " fen");
            }
        }
    }

    /** In yuan: below 100 → 1; 1,000 → 10; 10,000 → 50; 100,000 → 100; 1 M → 500; 10 M → 1,000; above → 5,000. */
    public static IncrementLadder standard() {
        return new IncrementLadder(List.of(
                new Band(0, 100),
                new Band(100_00, 10_00),
                new Band(1_000_00, 50_00),
                new Band(10_000_00, 100_00),
                new Band(100_000_00, 500_00),
                new Band(1_000_000_00, 1_000_00),
                new Band(10_000_000_00L, 5_000_00)));
    }

    public long largestIncrementFen() {
        return bands.stream().mapToLong(Band::incrementFen).max().orElseThrow();
    }

    public long incrementAt(long priceFen) {
        long increment = bands.getFirst().incrementFen();
        for (Band band : bands) {
            if (band.fromFen() > priceFen) {
                break;
            }
            increment = band.incrementFen();
        }
        return increment;
    }
}
