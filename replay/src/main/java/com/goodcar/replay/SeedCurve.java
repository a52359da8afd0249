package com.goodcar.replay;

import java.time.Duration;
import java.util.List;

/**
 * The No. 001 auction as the news reported it: 1 yuan at the start, 800,000 yuan within the first
 * minute, 10 million after 16 minutes, 25 million within the hour, 78,193,399 yuan at the close
 * four hours in, after 23,733 bids. Between milestones the price is taken as linear in time, the
 * simplest curve that passes through every reported point.
 */
public record SeedCurve(List<Milestone> milestones, int bids) {

    /** A reported point: this long after the start, the price had reached this much. */
    public record Milestone(Duration after, long priceFen, String label) {
    }

    public static final long YUAN = 100;

    public static final SeedCurve NO_001 = new SeedCurve(List.of(
            new Milestone(Duration.ZERO, 1 * YUAN, "start, 1 yuan"),
            new Milestone(Duration.ofMinutes(1), 800_000 * YUAN, "800,000 yuan within a minute"),
            new Milestone(Duration.ofMinutes(16), 10_000_000 * YUAN, "10 million after 16 minutes"),
            new Milestone(Duration.ofHours(1), 25_000_000 * YUAN, "25 million within the hour"),
            new Milestone(Duration.ofHours(4), 78_193_399 * YUAN, "78,193,399 yuan at the close")),
            23_733);

    public SeedCurve {
        milestones = List.copyOf(milestones);
        for (int i = 1; i < milestones.size(); i++) {
            if (milestones.get(i).after().compareTo(milestones.get(i - 1).after()) <= 0
                    || milestones.get(i).priceFen() <= milestones.get(i - 1).priceFen()) {
                throw new IllegalArgumentException("milestones must rise in time and price");
            }
        }
    }

    /**
     * The same curve with every price and the bid count divided (whole yuan, never below the start):
     * the shape of the rush at a size a test drill can run in seconds.
     */
    public SeedCurve scaled(int divisor) {
        if (divisor == 1) {
            return this;
        }
        var scaled = new java.util.ArrayList<Milestone>();
        scaled.add(milestones.getFirst());
        for (Milestone m : milestones.subList(1, milestones.size())) {
            long yuan = (m.priceFen() / YUAN + divisor / 2) / divisor; // to the nearest yuan
            long floor = scaled.getLast().priceFen() / YUAN + 1;
            scaled.add(new Milestone(m.after(), Math.max(yuan, floor) * YUAN, m.label() + " (÷ " + divisor + ")"));
        }
        return new SeedCurve(scaled, Math.max(1, bids / divisor));
    }

    public Duration length() {
        return milestones.getLast().after();
    }

    public long finalPriceFen() {
        return milestones.getLast().priceFen();
    }

    /** The seed's price this far into its four hours (seed time, not replay time). */
    public long priceAt(Duration elapsed) {
        if (elapsed.compareTo(Duration.ZERO) <= 0) {
            return milestones.getFirst().priceFen();
        }
        for (int i = 1; i < milestones.size(); i++) {
            Milestone to = milestones.get(i);
            if (elapsed.compareTo(to.after()) <= 0) {
                Milestone from = milestones.get(i - 1);
                // in milliseconds: (price span) x (elapsed) stays far inside a long
                long span = to.after().minus(from.after()).toMillis();
                long into = elapsed.minus(from.after()).toMillis();
                return from.priceFen() + ((to.priceFen() - from.priceFen()) * into + span / 2) / span;
            }
        }
        return finalPriceFen();
    }

    /** The seed's average raise per accepted bid: what the ladder's step is sized from. */
    public long averageRaiseFen() {
        return (finalPriceFen() - milestones.getFirst().priceFen()) / bids;
    }
}
