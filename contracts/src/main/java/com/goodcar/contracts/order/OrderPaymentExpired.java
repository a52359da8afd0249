package com.goodcar.contracts.order;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** An order's payment deadline passed without payment; {@code lotId} is null for a fixed-price order. */
public record OrderPaymentExpired(String orderId, String lotId, String userId, Instant deadline)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return orderId;
    }
}
