package com.goodcar.contracts.store;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** The site did the booked job (for a handover, see VehicleDelivered). */
public record BookingDone(String bookingId, String kind, String siteId, String userId, Instant at)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return bookingId;
    }
}
