package com.goodcar.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last few bids, planned so that the hammer falls on exactly the seed's price. Under a raise
 * cap and a fixed step that is not always one bid away (e.g. a price one step below the target
 * with the leader's maximum at the price), so the plan is found by trying short sequences of bids
 * against the auction's own rules (a new maximum above the leader's takes the lead at the leader's
 * maximum plus a step; one below makes the leader's proxy answer at it plus a step; every maximum
 * between the price plus a step and the price plus the cap).
 */
final class Endgame {

    /** What the lot stands at: the price and the leader's maximum (every bid is the replay's own, so it knows). */
    record State(long priceFen, long leaderMaxFen) {
    }

    private final LotPlan plan;
    private final long targetFen;

    Endgame(LotPlan plan, long targetFen) {
        this.plan = plan;
        this.targetFen = targetFen;
    }

    /** The state after a bid of this maximum by someone other than the leader, if the lot accepts it. */
    Optional<State> after(State s, long maxFen) {
        if (maxFen < s.priceFen() + plan.incrementAt(s.priceFen()) || maxFen > s.priceFen() + plan.maxRaiseFen()) {
            return Optional.empty();
        }
        if (maxFen > s.leaderMaxFen()) {
            return Optional.of(new State(Math.min(maxFen, s.leaderMaxFen() + plan.incrementAt(s.leaderMaxFen())), maxFen));
        }
        return Optional.of(new State(Math.min(s.leaderMaxFen(), maxFen + plan.incrementAt(maxFen)), s.leaderMaxFen()));
    }

    /** Below this the replay climbs by the cap; from here on it plans. */
    long planFromFen() {
        return targetFen - PLAN_DEPTH * plan.maxRaiseFen() / 2;
    }

    static final int PLAN_DEPTH = 8;

    /** The shortest sequence of maxima (at most {@link #PLAN_DEPTH}) that ends at exactly the target, never above it. */
    Optional<List<Long>> plan(State from) {
        for (int depth = 1; depth <= PLAN_DEPTH; depth++) {
            List<Long> found = search(from, depth, new ArrayList<>());
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    private List<Long> search(State s, int depth, List<Long> path) {
        if (s.priceFen() == targetFen) {
            return List.copyOf(path);
        }
        // a bid raises the price by at most the cap: too far to reach in the bids left
        if (depth == 0 || s.priceFen() > targetFen || s.leaderMaxFen() > targetFen
                || targetFen - s.priceFen() > depth * plan.maxRaiseFen()) {
            return null;
        }
        for (long max : candidates(s)) {
            Optional<State> next = after(s, max);
            if (next.isPresent() && next.get().priceFen() <= targetFen && next.get().leaderMaxFen() <= targetFen) {
                path.add(max);
                List<Long> found = search(next.get(), depth - 1, path);
                if (found != null) {
                    return found;
                }
                path.removeLast();
            }
        }
        return null;
    }

    /** The maxima worth trying: the target, one step below it, the leader's maximum ± a yuan, and a grid over the allowed range. */
    private List<Long> candidates(State s) {
        long low = s.priceFen() + plan.incrementAt(s.priceFen());
        long high = Math.min(s.priceFen() + plan.maxRaiseFen(), targetFen);
        List<Long> values = new ArrayList<>(List.of(targetFen, targetFen - plan.incrementAt(targetFen),
                s.leaderMaxFen() + SeedCurve.YUAN, s.leaderMaxFen() - SeedCurve.YUAN, low, high));
        for (int i = 1; i < 12; i++) {
            values.add(low + (high - low) * i / 12 / SeedCurve.YUAN * SeedCurve.YUAN);
        }
        return values.stream().filter(v -> v >= low && v <= high).distinct().toList();
    }
}
