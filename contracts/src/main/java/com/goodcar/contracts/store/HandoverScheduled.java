package com.goodcar.contracts.store;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** A paid car has a handover slot at a site (again, with the new slot, when it is rescheduled or reassigned). */
public record HandoverScheduled(String orderId, String bookingId, String userId, String siteId, String siteName, Instant slotStart, Instant scheduledAt)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return orderId;
    }
}
