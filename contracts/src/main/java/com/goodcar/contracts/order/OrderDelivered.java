package com.goodcar.contracts.order;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** The buyer has the car: the order is complete. {@code lotId} is null for a fixed-price order. */
public record OrderDelivered(String orderId, String lotId, String userId, Instant deliveredAt)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return orderId;
    }
}
