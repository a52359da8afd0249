package com.goodcar.contracts.order;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/**
 * A buyer paid an order in full. For an auction win, {@code lotId} names the lot and
 * {@code amountFen} is the hammer price minus the deposit; it is null for a fixed-price order.
 * {@code deliverTo} is where the buyer asked for the car, or null if they have not said (the store
 * network then cannot place the handover and says so).
 */
public record OrderPaid(String orderId, String lotId, String userId, long amountFen, Instant paidAt,
                        DeliveryAddress deliverTo)
        implements IntegrationEvent {

    /** A payment of an order without a delivery address. */
    public OrderPaid(String orderId, String lotId, String userId, long amountFen, Instant paidAt) {
        this(orderId, lotId, userId, amountFen, paidAt, null);
    }

    @Override
    public String aggregateId() {
        return orderId;
    }
}
