package com.goodcar.contracts.store;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** A booking moved to another slot of its site; the previous slot is free again. */
public record BookingRescheduled(String bookingId, String siteId, Instant previousSlotStart, Instant slotStart, Instant at)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return bookingId;
    }
}
