package com.goodcar.contracts.auction;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** A bid in the soft-close window moved the end of the lot. */
public record AuctionExtended(String lotId, Instant previousEndsAt, Instant endsAt) implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return lotId;
    }
}
