package com.goodcar.contracts.auction;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/**
 * A lot closed. {@code winnerUserId} is for internal consumers (order, deposit); anything shown to
 * the public uses {@code winnerCode}. Both are null unless {@code result} is SOLD.
 *
 * @param result         SOLD, UNSOLD (no bid or reserve not met) or CANCELLED
 * @param runnerUpUserId on a sold lot with the second-chance rule, the best of the other bidders: their
 *                       hold is kept, and the car is offered to them if the winner defaults; else null
 * @param runnerUpMaxFen the runner-up's own highest maximum, the price they would be offered; else null
 */
public record AuctionClosed(String lotId, String editionCode, String result, String winnerUserId, String winnerCode,
                            Long hammerPriceFen, long depositFen, long bidCount, Instant closedAt,
                            String runnerUpUserId, Long runnerUpMaxFen)
        implements IntegrationEvent {

    /** A close without a runner-up kept. */
    public AuctionClosed(String lotId, String editionCode, String result, String winnerUserId, String winnerCode,
                         Long hammerPriceFen, long depositFen, long bidCount, Instant closedAt) {
        this(lotId, editionCode, result, winnerUserId, winnerCode, hammerPriceFen, depositFen, bidCount, closedAt, null,
                null);
    }

    public AuctionClosed withRunnerUp(String userId, long maxFen) {
        return new AuctionClosed(lotId, editionCode, result, winnerUserId, winnerCode, hammerPriceFen, depositFen,
                bidCount, closedAt, userId, maxFen);
    }

    @Override
    public String aggregateId() {
        return lotId;
    }
}
