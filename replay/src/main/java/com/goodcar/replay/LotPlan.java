package com.goodcar.replay;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The replayed lot's rules, from the seed: 1 yuan to start, a 100-yuan deposit, a raise capped at
 * 4,490 yuan. The ladder's step above 1,000 yuan is sized so that the seed's 23,733 bids reach its
 * final price: a bid at the minimum raises the price by one step, a proxy maximum up to the cap
 * raises it by half its cushion more, so the mean raise lands near the seed's 3,295 yuan.
 */
public record LotPlan(int speed, long startPriceFen, long depositFen, long maxRaiseFen, long stepFen,
                      Duration softClose) {

    static final long STEP_FROM_FEN = 1_000 * SeedCurve.YUAN;

    public static LotPlan no001(int speed) {
        // the seed's 5-minute soft close, compressed like everything else (at least a second)
        long softCloseSeconds = Math.max(1, (300 + speed / 2) / speed);
        return new LotPlan(speed, SeedCurve.YUAN, 100 * SeedCurve.YUAN, 4_490 * SeedCurve.YUAN, 2_900 * SeedCurve.YUAN,
                Duration.ofSeconds(softCloseSeconds));
    }

    public long incrementAt(long priceFen) {
        return priceFen >= STEP_FROM_FEN ? stepFen : SeedCurve.YUAN;
    }

    /** The ladder as auction-service takes it. */
    public List<Map<String, Long>> ladder() {
        return List.of(Map.of("fromFen", 0L, "incrementFen", SeedCurve.YUAN),
                Map.of("fromFen", STEP_FROM_FEN, "incrementFen", stepFen));
    }

    /** How long the bidding lasts on this replay's clock. */
    public Duration bidding(SeedCurve curve) {
        return curve.length().dividedBy(speed);
    }
}
