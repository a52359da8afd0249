package com.goodcar.replay;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedCurveTest {

    private final SeedCurve seed = SeedCurve.NO_001;

    @Test
    void passesThroughEveryReportedPoint() {
        assertEquals(100, seed.priceAt(Duration.ZERO));
        assertEquals(80_000_000, seed.priceAt(Duration.ofMinutes(1)));
        assertEquals(1_000_000_000, seed.priceAt(Duration.ofMinutes(16)));
        assertEquals(2_500_000_000L, seed.priceAt(Duration.ofHours(1)));
        assertEquals(7_819_339_900L, seed.priceAt(Duration.ofHours(4)));
        assertEquals(7_819_339_900L, seed.priceAt(Duration.ofHours(5)), "after the close the price stays");
        assertEquals(Duration.ofHours(4), seed.length());
    }

    @Test
    void halfwayBetweenTwoMilestonesIsHalfwayInPrice() {
        assertEquals((80_000_000L + 1_000_000_000L) / 2, seed.priceAt(Duration.ofSeconds(60 + 450)));
    }

    @Test
    void theSeedsAverageRaiseIsAbout3295Yuan() {
        assertEquals(3_294, seed.averageRaiseFen() / SeedCurve.YUAN);
    }

    @Test
    void aDrillScalesPricesAndBidsNotTime() {
        SeedCurve small = seed.scaled(100);
        assertEquals(100, small.priceAt(Duration.ZERO), "still 1 yuan to start");
        assertEquals(781_934 * SeedCurve.YUAN, small.finalPriceFen());
        assertEquals(8_000 * SeedCurve.YUAN, small.priceAt(Duration.ofMinutes(1)));
        assertEquals(Duration.ofHours(4), small.length());
        assertEquals(237, small.bids());
        assertEquals(seed, seed.scaled(1));
    }

    @Test
    void milestonesMustRise() {
        assertThrows(IllegalArgumentException.class, () -> new SeedCurve(List.of(
                new SeedCurve.Milestone(Duration.ZERO, 100, "a"),
                new SeedCurve.Milestone(Duration.ofMinutes(1), 100, "b")), 1));
    }

    @Property
    void neverFalls(@ForAll @LongRange(min = -10, max = 20_000) long a, @ForAll @LongRange(min = -10, max = 20_000) long b) {
        long early = Math.min(a, b);
        long late = Math.max(a, b);
        assertTrue(seed.priceAt(Duration.ofSeconds(early)) <= seed.priceAt(Duration.ofSeconds(late)));
    }
}
