package com.goodcar.contracts.store;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** An after-sales case was closed with its resolution. */
public record CaseClosed(String caseId, String resolution, Instant closedAt)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return caseId;
    }
}
