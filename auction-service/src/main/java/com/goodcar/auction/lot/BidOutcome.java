package com.goodcar.auction.lot;

import java.time.Instant;

/** What happened to one bid. */
public sealed interface BidOutcome {

    /**
     * The bid moved the lot: it is in the log as entry {@code seq}.
     *
     * @param leading whether this bidder leads now (false: a higher proxy maximum answered at once)
     * @param extended whether soft close moved the end
     */
    record Accepted(long seq, Bid bid, Instant at, long priceFen, Leader leader, Instant endsAt, boolean leading,
                    boolean extended) implements BidOutcome {
    }

    /**
     * The bid changed nothing; {@code priceFen}, {@code minimumNextFen} and {@code maximumAllowedFen}
     * let the client try again.
     */
    record Rejected(Reason reason, long priceFen, long minimumNextFen, long maximumAllowedFen, Instant endsAt)
            implements BidOutcome {
    }

    enum Reason {
        /** The price has already moved past this bid (a stale read under a rush). */
        STALE,
        /** Above the price, but less than one increment above it (or below the start price). */
        BELOW_INCREMENT,
        /** The leader's new maximum must be above their current one. */
        ALREADY_LEADING,
        /** Above the highest price the lot's rules allow. */
        ABOVE_MAXIMUM,
        /** Raises the price by more than the lot's cap on a single raise allows. */
        RAISE_TOO_LARGE,
        NO_DEPOSIT,
        NOT_OPEN,
        CLOSED,
        CANCELLED
    }
}
