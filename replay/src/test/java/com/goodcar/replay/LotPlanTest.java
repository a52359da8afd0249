package com.goodcar.replay;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LotPlanTest {

    @Test
    void theSeedsRulesCompressedInTime() {
        LotPlan plan = LotPlan.no001(60);
        assertEquals(100, plan.startPriceFen());
        assertEquals(10_000, plan.depositFen());
        assertEquals(449_000, plan.maxRaiseFen());
        assertEquals(Duration.ofMinutes(4), plan.bidding(SeedCurve.NO_001));
        assertEquals(Duration.ofSeconds(5), plan.softClose());
        assertEquals(Duration.ofSeconds(1), LotPlan.no001(3600).softClose(), "never below a second");
        assertEquals(Duration.ofMinutes(5), LotPlan.no001(1).softClose());
    }

    @Test
    void theRaiseCapHoldsTheLaddersLargestStepAsTheAuctionRequires() {
        LotPlan plan = LotPlan.no001(60);
        long largest = plan.ladder().stream().mapToLong(b -> b.get("incrementFen")).max().orElseThrow();
        assertTrue(plan.maxRaiseFen() >= largest);
        assertEquals(100, plan.incrementAt(99_900));
        assertEquals(290_000, plan.incrementAt(100_000));
    }
}
