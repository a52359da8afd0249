package com.goodcar.contracts.order;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** A buyer cancelled an order; {@code afterPayment} says whether it had been paid (an auction deposit is then lost). */
public record OrderCancelled(String orderId, String lotId, String userId, boolean afterPayment, Instant cancelledAt)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return orderId;
    }
}
