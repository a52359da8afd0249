package com.goodcar.contracts.store;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** A buyer opened an after-sales case on a delivered car; {@code responsible} is MANUFACTURER, PLATFORM or OUTLET (then {@code outletId} names it). */
public record CaseOpened(String caseId, String orderId, String userId, String kind, String responsible, String outletId, Instant respondBy, Instant openedAt)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return caseId;
    }
}
