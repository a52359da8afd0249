package com.goodcar.contracts.store;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** No site can take a paid car (reason NO_ADDRESS, NO_SITE_WITH_CAPACITY, or CANCELLED when its booking was withdrawn): an operator assigns one. */
public record HandoverUnassigned(String orderId, String userId, String reason, Instant at)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return orderId;
    }
}
