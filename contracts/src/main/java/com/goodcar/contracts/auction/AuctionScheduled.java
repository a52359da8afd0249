package com.goodcar.contracts.auction;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A lot was put up for auction: deposit-service learns the deposit it must collect. What a valid
 * lot is, both services agree here: a producer cannot build another, a consumer cannot read one.
 *
 * @param secondChance the lot's runner-up rule: at the close the best other bidder's hold is kept, and
 *                     if the winner defaults or cancels they are offered the car at their own maximum
 */
public record AuctionScheduled(String lotId, String editionCode, String title, long startPriceFen, long depositFen,
                               Instant opensAt, Instant endsAt, boolean secondChance) implements IntegrationEvent {

    /** A lot without the second-chance rule. */
    public AuctionScheduled(String lotId, String editionCode, String title, long startPriceFen, long depositFen,
                            Instant opensAt, Instant endsAt) {
        this(lotId, editionCode, title, startPriceFen, depositFen, opensAt, endsAt, false);
    }

    public AuctionScheduled {
        if (lotId == null || lotId.isBlank()) {
            throw new IllegalArgumentException("a scheduled lot needs an id");
        }
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (startPriceFen <= 0 || depositFen <= 0) {
            throw new IllegalArgumentException("a lot's start price and deposit are at least 1 fen");
        }
        if (!endsAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("a lot ends after it opens");
        }
    }

    @Override
    public String aggregateId() {
        return lotId;
    }
}
