package com.goodcar.contracts.auction;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/**
 * A lot closed. {@code winnerUserId} is for internal consumers (order, deposit); anything shown to
 * the public uses {@code winnerCode}. Both are null unless {@code result} is SOLD.
 *
 * @param result SOLD, UNSOLD (no bid or reserve not met) or CANCELLED
 */
public record AuctionClosed(String lotId, String editionCode, String result, String winnerUserId, String winnerCode,
                            Long hammerPriceFen, long depositFen, long bidCount, Instant closedAt)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return lotId;
    }
}
