package com.goodcar.contracts.order;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/**
 * A buyer paid an order in full. For an auction win, {@code lotId} names the lot and
 * {@code amountFen} is the hammer price minus the deposit; it is null for a fixed-price order.
 */
public record OrderPaid(String orderId, String lotId, String userId, long amountFen, Instant paidAt)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return orderId;
    }
}
