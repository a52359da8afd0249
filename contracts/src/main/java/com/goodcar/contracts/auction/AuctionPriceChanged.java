package com.goodcar.contracts.auction;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/**
 * The price moved. Conflated: one event per committed batch of bids, carrying the state after it,
 * so {@code bidCount} may jump by more than one.
 */
public record AuctionPriceChanged(String lotId, long priceFen, String leaderCode, long bidCount, long lastSeq,
                                  Instant endsAt, Instant changedAt) implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return lotId;
    }
}
