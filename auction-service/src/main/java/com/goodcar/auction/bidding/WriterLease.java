package com.goodcar.auction.bidding;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a writer's claim on its lot lasts. Every commit renews it; an idle writer renews it
 * once a third of it is left, so a live owner never lapses and a dead one lapses within one lease.
 */
final class WriterLease {

    private final Duration length;
    private Instant until;

    WriterLease(Duration length, Instant until) {
        this.length = length;
        this.until = until;
    }

    boolean dueForRenewal(Instant now) {
        return now.isAfter(until.minus(length.dividedBy(3)));
    }

    /** The end of a lease renewed at {@code now}, to commit; {@link #renewed} once committed. */
    Instant from(Instant now) {
        return now.plus(length);
    }

    void renewed(Instant newUntil) {
        until = newUntil;
    }
}
