package com.goodcar.contracts.auction;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** A lot was put up for auction: deposit-service learns the deposit it must collect. */
public record AuctionScheduled(String lotId, String editionCode, String title, long startPriceFen, long depositFen,
                               Instant opensAt, Instant endsAt) implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return lotId;
    }
}
