package com.goodcar.contracts.order;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/**
 * An order exists. For an auction win, {@code lotId} names the lot, {@code amountDueFen} is the hammer
 * price minus the deposit and the buyer must confirm by {@code confirmBy}; {@code lotId} is null for
 * a fixed-price order.
 */
public record OrderCreated(String orderId, String lotId, String userId, long priceFen, long depositFen,
                           long amountDueFen, Instant confirmBy, Instant createdAt) implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return orderId;
    }
}
