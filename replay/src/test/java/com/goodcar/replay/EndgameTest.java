package com.goodcar.replay;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndgameTest {

    private static final long F = SeedCurve.NO_001.finalPriceFen();
    private final LotPlan plan = LotPlan.no001(60);
    private final Endgame endgame = new Endgame(plan, F);

    @Test
    void theAuctionsRules() {
        var s = new Endgame.State(1_000_000, 1_400_000); // 10,000 yuan: a 2,900-yuan step, a 4,490-yuan cap
        assertEquals(Optional.empty(), endgame.after(s, 1_000_000 + 290_000 - 1), "below the minimum next bid");
        assertEquals(Optional.empty(), endgame.after(s, 1_000_000 + 449_000 + 1), "above the raise cap");
        assertEquals(new Endgame.State(1_400_000, 1_400_000), endgame.after(s, 1_300_000).orElseThrow(),
                "below the leader's maximum: its proxy answers, at most at its maximum");
        assertEquals(new Endgame.State(1_449_000, 1_449_000), endgame.after(s, 1_449_000).orElseThrow(),
                "above it: the new leader pays the old maximum plus a step, at most its own");
    }

    @Test
    void oneStepBelowWithTheLeaderAtThePriceNeedsMoreThanOneBid() {
        // the target one step above the price, the leader's maximum at the price: the minimum next bid is the target,
        // and it lands exactly; a price 1,000 yuan below the target cannot (the minimum next bid is above it)
        var exact = new Endgame.State(F - 290_000, F - 290_000);
        assertEquals(List.of(F), endgame.plan(exact).orElseThrow());
        var stuck = new Endgame.State(F - 100_000, F - 100_000);
        assertTrue(endgame.plan(stuck).isEmpty());
    }

    @Property(tries = 300)
    void fromWhereverTheRushLeavesItThePlanEndsOnTheTargetExactly(
            @ForAll @LongRange(min = 2_245_000, max = 9_000_000) long belowTarget,
            @ForAll @LongRange(min = 0, max = 449_000) long cushion) {
        // the rush stops at least two raise caps below the target, with a leader whose maximum is at most a cap above
        long price = F - belowTarget;
        var state = new Endgame.State(price, Math.min(price + cushion, endgame.planFromFen()));
        if (state.leaderMaxFen() < price) {
            return;
        }
        // far below, the endgame first climbs by single bids of the cap; then plans
        Endgame.State s = state;
        while (s.priceFen() < endgame.planFromFen()) {
            long climb = Math.max(s.priceFen() + plan.incrementAt(s.priceFen()),
                    Math.min(s.priceFen() + plan.maxRaiseFen(), endgame.planFromFen()));
            s = endgame.after(s, climb).orElseThrow();
        }
        var steps = endgame.plan(s);
        assertTrue(steps.isPresent(), "no plan from " + s);
        for (long max : steps.get()) {
            s = endgame.after(s, max).orElseThrow();
            assertTrue(s.priceFen() <= F);
        }
        assertEquals(F, s.priceFen());
    }
}
