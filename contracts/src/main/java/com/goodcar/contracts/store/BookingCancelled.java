package com.goodcar.contracts.store;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** A booking was cancelled; its slot is free again. */
public record BookingCancelled(String bookingId, String siteId, Instant slotStart, Instant at)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return bookingId;
    }
}
