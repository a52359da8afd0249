package com.goodcar.contracts.store;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** The site handed the car to its buyer. */
public record VehicleDelivered(String orderId, String bookingId, String userId, String siteId, Instant deliveredAt)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return orderId;
    }
}
