package com.goodcar.contracts.store;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** The site confirmed a booking. */
public record BookingConfirmed(String bookingId, String siteId, Instant at)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return bookingId;
    }
}
