package com.goodcar.contracts.store;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** A buyer booked a service slot (charger installation, maintenance, battery swap, trade-in appraisal) at a site. */
public record BookingMade(String bookingId, String kind, String siteId, String userId, Instant slotStart, Instant madeAt)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return bookingId;
    }
}
